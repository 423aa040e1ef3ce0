# METADATA
# title: Region without an aggregator of its own
# description: |
#   What it does: looks at every region a saved, complete `describe-configuration-aggregators`
#   output shows without an aggregator, and, in a snapshot (a manifest or a region list in
#   the scan), every enabled region (or `--expect-regions` region) for which the snapshot
#   holds no aggregator at all. Such a region is reported at medium when no aggregator in
#   the scan collects it: none with all regions (`AllAwsRegions`, which includes regions
#   enabled later) and none whose `AwsRegions` names it.
#
#   When another region's aggregator does collect it, the region is aggregated: the
#   recommended setup is one organization aggregator in a home region with all regions.
#   The empty output is then Config-006's literal audit step ("empty array: aggregation
#   is not enabled in this region"), reported at info with the aggregator that collects
#   it, or at medium with `--aggregator-in-every-region` for organisations whose policy
#   requires an aggregator in every region. Accounts an aggregator misses are AGG007's.
#
#   Why it matters: without an aggregator collecting a region, nothing there reaches the
#   central compliance view.
#
#   How to fix: make one aggregator collect all regions (or add the region to its list).
# related_resources:
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/aggregate-data.html
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/setup-aggregator-cli.html
#   - ref: https://www.trendmicro.com/cloudoneconformity/knowledge-base/aws/Config/config-data-aggregation.html
# custom:
#   id: AGG002
#   severity: medium
#   remediation: |
#     Collect the region: set AllAwsRegions to true on the sources of one aggregator (or add
#     the region to its AwsRegions), for example
#     `aws configservice put-configuration-aggregator --configuration-aggregator-name <aggregator-name>
#     --organization-aggregation-source '{"RoleArn":"<role-arn>","AllAwsRegions":true}' --region <home-region>`.
#   inputs: [aws-cli]
#   checks: region_listings
#   references:
#     conformity: Config-006
#   frameworks:
#     - framework: NIST SP 800-53 Rev. 5
#       control: "CM-8"
#       title: System Component Inventory
#       citation: "NIST SP 800-53 Rev. 5 (September 2020, updates as of 2020-12-10), control CM-8, https://csrc.nist.gov/pubs/sp/800/53/r5/upd1/final"
#     - framework: Trend Micro Cloud One Conformity
#       control: "Config-006"
#       title: AWS Config Aggregator Source Status
#       citation: "Trend Micro Cloud One Conformity knowledge base, rule Config-006 (AWS Config Aggregator Source Status), https://www.trendmicro.com/trendaivisiononecloudriskmanagement/knowledge-base/aws/Config/config-aggregator-source-status.html"
package aggrego.region_without_aggregator

import data.aggrego.lib

# Regions where any listing in the scan shows an aggregator.
covered contains l.region if {
	some l in input.region_listings
	is_string(l.region)
	count(l.aggregator_names) > 0
}

# Aggregators of the scan (API output, what is deployed) that collect region r.
collectors(r) := [a |
	some a in input.aggregators
	a.kind == "aws-cli"
	lib.collects(a, r)
]

deny contains finding if {
	some l in input.region_listings
	l.complete
	count(l.aggregator_names) == 0
	not l.region in covered
	finding := judged(l.region, l.loc, sprintf("the describe-configuration-aggregators output for %s lists no aggregator", [region_words(l)]))
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
	finding := judged(r, loc, sprintf("enabled region %s (expected regions from %s) has no aggregator", [r, lib.text(input.settings.expected_regions_from)]))
}

# A region without an aggregator of its own: not collected (medium), or
# collected from elsewhere (info, unless every region must have its own).
judged(r, loc, what) := {
	"msg": sprintf("%s, and no aggregator in the scan collects it: AWS Config data there is not aggregated", [what]),
	"loc": loc,
	"resource": {"aggregator": null, "account": null, "region": r},
	"remediation": not_collected_fix(r),
} if count(collectors(r)) == 0

judged(r, loc, what) := {
	"msg": sprintf("%s of its own (Config-006's per-region check); its data is aggregated by %s", [what, concat(", ", [collector_words(a) | some a in collectors(r)])]),
	"loc": loc,
	"resource": {"aggregator": null, "account": null, "region": r},
	"severity": own_severity,
	"remediation": own_fix(r, collectors(r)[0]),
} if count(collectors(r)) > 0

own_severity := "medium" if input.settings.aggregator_in_every_region

own_severity := "info" if not input.settings.aggregator_in_every_region

collector_words(a) := sprintf("%s in %s (%s)", [lib.text(a.name.value), lib.text(a.region), how(a)])

how(a) := "all regions" if all_regions(a)

how(a) := "its region list" if not all_regions(a)

all_regions(a) if {
	some src in a.sources
	src.all_regions.value == true
}

# The fix where nothing collects the region: extend an aggregator the scan
# holds (its real definition, every source with all regions), else a template.
not_collected_fix(r) := sprintf("Make an aggregator collect %s: %s", [r, lib.put_all_regions(some_aggregator)]) if some_aggregator

not_collected_fix(r) := sprintf(
	"Create one aggregator that collects every region, in your home region, from the management account or a delegated administrator: aws configservice put-configuration-aggregator --configuration-aggregator-name <aggregator-name> --organization-aggregation-source '{\"RoleArn\":\"arn:aws:iam::<account-id>:role/<role-with-AWSConfigRoleForOrganizations>\",\"AllAwsRegions\":true}' --region <home-region> (it collects %s too)",
	[r],
) if not some_aggregator

some_aggregator := a if {
	aws := [a | some a in input.aggregators; a.kind == "aws-cli"; is_string(a.name.value)]
	count(aws) > 0
	a := aws[0]
}

# The fix where another region's aggregator collects it: nothing, unless an
# aggregator of its own is required; then one like the collector, here.
own_fix(r, a) := sprintf(
	"Nothing to do: %s collects this region. If your policy requires an aggregator in every region, create one here with the same sources: %s",
	[lib.text(a.name.value), put_in(r, a)],
) if not input.settings.aggregator_in_every_region

own_fix(r, a) := sprintf(
	"Create an aggregator in %s with the sources of %s: %s",
	[r, lib.text(a.name.value), put_in(r, a)],
) if input.settings.aggregator_in_every_region

# The command that defines aggregator `a` again, in region `r`.
put_in(r, a) := replace(lib.put_all_regions(a), sprintf("--region %s", [lib.arg(a.region, "aggregator-region")]), sprintf("--region %s", [r]))

# A failed capture is AGG009's finding: the region's aggregators are unknown, not absent.
describe_failed(r) if {
	some m in input.manifests
	some f in m.failures
	f.region == r
	f.command == "configservice describe-configuration-aggregators"
}

region_words(l) := l.region if is_string(l.region)

region_words(l) := "an unknown region (name it with --region or a region folder)" if not is_string(l.region)
