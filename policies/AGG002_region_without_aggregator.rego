# METADATA
# title: Region has no configuration aggregator
# description: |
#   What it does: reports a saved, complete `describe-configuration-aggregators` output
#   that lists no aggregator, when no other output in the scan shows one for that region.
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

region_words(l) := l.region if is_string(l.region)

region_words(l) := "unknown (name it with --region or a region folder)" if not is_string(l.region)
