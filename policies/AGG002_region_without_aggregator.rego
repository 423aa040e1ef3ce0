# METADATA
# title: Region has no configuration aggregator
# description: |
#   What it does: reports a saved, complete `describe-configuration-aggregators` output
#   that lists no aggregator, when no other output in the scan shows one for that region;
#   and, in a snapshot (a manifest or a region list in the scan), every enabled region
#   (or `--expect-regions` region) for which the snapshot holds no aggregator at all.
#
#   Why it matters: without an aggregator in the region where the organization expects
#   one, nothing collects AWS Config data there for the central compliance view.
#
#   How to fix: create the aggregator in that region (or confirm the region is meant to
#   have none and exclude the file from the audit).
# related_resources:
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/setup-aggregator-cli.html
# custom:
#   id: AGG002
#   severity: medium
#   remediation: |
#     Create an aggregator in the region, e.g.
#     `aws configservice put-configuration-aggregator --configuration-aggregator-name org-aggregator
#     --organization-aggregation-source RoleArn=arn:aws:iam::ACCOUNT:role/ROLE,AllAwsRegions=true --region REGION`.
#   inputs: [aws-cli]
#   checks: region_listings
#   references:
#     conformity: Config-006
package aggrego.region_without_aggregator

import data.aggrego.lib

# Regions where any listing in the scan shows an aggregator.
covered contains l.region if {
	some l in input.region_listings
	is_string(l.region)
	count(l.aggregator_names) > 0
}

deny contains finding if {
	some l in input.region_listings
	l.complete
	count(l.aggregator_names) == 0
	not l.region in covered
	finding := {
		"msg": sprintf("no configuration aggregator in region %s: AWS Config data there is not aggregated", [region_words(l)]),
		"loc": l.loc,
		"resource": {"aggregator": null, "account": null, "region": l.region},
		"remediation": sprintf(
			"Create an aggregator there: aws configservice put-configuration-aggregator --configuration-aggregator-name org-aggregator --organization-aggregation-source RoleArn=arn:aws:iam::<account-id>:role/<role>,AllAwsRegions=true --region %s",
			[lib.text(l.region)],
		),
	}
}

# Regions with any aggregator, or any describe output, in the scan.
seen contains a.region if {
	some a in input.aggregators
	is_string(a.region)
}

seen contains l.region if {
	some l in input.region_listings
	is_string(l.region)
}

# Where a snapshot says a region is enabled: its region list entry, else the manifest.
region_loc(r) := loc if {
	locs := [x.loc | some x in input.regions; x.region == r; x.enabled]
	count(locs) > 0
	loc := locs[0]
}

region_loc(r) := input.manifests[0].loc if {
	not any_region_entry(r)
	count(input.manifests) > 0
}

any_region_entry(r) if {
	some x in input.regions
	x.region == r
	x.enabled
}

deny contains finding if {
	count(input.manifests) + count(input.regions) > 0
	some r in input.settings.expected_regions
	not r in seen
	not describe_failed(r)
	loc := region_loc(r)
	finding := {
		"msg": sprintf("enabled region %s has no configuration aggregator in the snapshot (expected regions from %s): AWS Config data there is not aggregated, or its describe output was not captured", [r, lib.text(input.settings.expected_regions_from)]),
		"loc": loc,
		"resource": {"aggregator": null, "account": null, "region": r},
		"remediation": sprintf(
			"Check the region: aws configservice describe-configuration-aggregators --region %s --output json > %s/describe-configuration-aggregators.json; if it lists none, create one there: aws configservice put-configuration-aggregator --configuration-aggregator-name org-aggregator --organization-aggregation-source RoleArn=arn:aws:iam::<account-id>:role/<role>,AllAwsRegions=true --region %s",
			[r, r, r],
		),
	}
}

# A failed capture is AGG009's finding: the region's aggregators are unknown, not absent.
describe_failed(r) if {
	some m in input.manifests
	some f in m.failures
	f.region == r
	f.command == "configservice describe-configuration-aggregators"
}

region_words(l) := l.region if is_string(l.region)

region_words(l) := "unknown (name it with --region or a region folder)" if not is_string(l.region)
