# METADATA
# title: Expected account or region does not report (blind spot)
# description: |
#   What it does: for each aggregator whose sources status is in the scan, compares who is
#   expected to report with who does. Expected accounts come from the aggregator's own
#   `AccountIds`, or — for an organization aggregator — from the organization's ACTIVE
#   accounts (`aws organizations list-accounts`) or `--expect-accounts`; expected regions
#   from its `AwsRegions`, or — with all regions — from the enabled regions (`aws account
#   list-regions`, `aws ec2 describe-regions`, the snapshot manifest) or `--expect-regions`.
#   Without a list, the accounts and regions seen reporting are expected everywhere the
#   others report. It reports every expected account × region with no source status at
#   all, grouped by region (nobody reports there) or by account; ACTIVE organization
#   accounts missing from an account-based aggregator's list; and, in a snapshot, an
#   aggregator whose sources status was not captured.
#
#   Why it matters: a source that is FAILED at least says so (AGG001). An account or region
#   that the aggregator does not list at all is silent: the aggregated compliance view looks
#   complete while nothing from there is in it.
#
#   How to fix: follow the remediation of each finding: add the accounts to the aggregator,
#   enable AWS Config recording in the account and region, or authorize the aggregator.
# related_resources:
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/aggregate-data.html
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/aggregated-troubleshooting.html
# custom:
#   id: AGG007
#   severity: medium
#   remediation: |
#     Make every expected account and region report: add missing accounts to the aggregator
#     (or use an organization source), enable the AWS Config recorder in each account and
#     region, then confirm with `aws configservice describe-configuration-aggregator-sources-status
#     --configuration-aggregator-name <aggregator-name>`.
#   inputs: [aws-cli]
#   checks: aggregators
#   frameworks:
#     - framework: CIS AWS Foundations Benchmark v3.0.0
#       control: "3.3"
#       title: Ensure AWS Config is enabled in all regions
#       citation: "CIS Amazon Web Services Foundations Benchmark v3.0.0, recommendation 3.3, https://www.cisecurity.org/benchmark/amazon_web_services (listed as a related requirement of Security Hub control Config.1: https://docs.aws.amazon.com/securityhub/latest/userguide/config-controls.html#config-1)"
#     - framework: AWS Foundational Security Best Practices
#       control: "Config.1"
#       title: AWS Config should be enabled and use the service-linked role for resource recording
#       citation: "AWS Security Hub user guide, AWS Foundational Security Best Practices standard, control Config.1, https://docs.aws.amazon.com/securityhub/latest/userguide/config-controls.html#config-1"
#     - framework: NIST SP 800-53 Rev. 5
#       control: "CA-7"
#       title: Continuous Monitoring
#       citation: "NIST SP 800-53 Rev. 5 (September 2020, updates as of 2020-12-10), control CA-7, https://csrc.nist.gov/pubs/sp/800/53/r5/upd1/final"
#     - framework: NIST SP 800-53 Rev. 5
#       control: "CM-8"
#       title: System Component Inventory
#       citation: "NIST SP 800-53 Rev. 5 (September 2020, updates as of 2020-12-10), control CM-8, https://csrc.nist.gov/pubs/sp/800/53/r5/upd1/final"
#     - framework: Trend Micro Cloud One Conformity
#       control: "Config-006"
#       title: AWS Config Aggregator Source Status
#       citation: "Trend Micro Cloud One Conformity knowledge base, rule Config-006 (AWS Config Aggregator Source Status), https://www.trendmicro.com/trendaivisiononecloudriskmanagement/knowledge-base/aws/Config/config-aggregator-source-status.html"
package aggrego.coverage_gap

import data.aggrego.lib

# An account counts as reporting from a region when it reports there itself, or when the
# organization source reports the region as a whole.
# Per coverage item: expected regions from which no expected account reports.
gap_regions[c.loc] := {r.region |
	some r in c.expected_regions
	silent(c, r)
} if {
	some c in input.coverage
}

silent(c, r) if {
	count(r.accounts) > 0
	not c.organization_regions[r.region]
	every id in r.accounts {
		not c.reported[id][r.region]
	}
}

# No account list at all (an organization reporting as a whole): nobody reports there.
silent(c, r) if {
	count(c.expected_accounts) == 0
	not c.organization_regions[r.region]
	not reported_by_anyone(c, r.region)
}

reported_by_anyone(c, r) if {
	some by_region in c.reported
	by_region[r]
}

account_words(a) := sprintf("%s (%s)", [a.id, a.name]) if is_string(a.name)

account_words(a) := a.id if not is_string(a.name)

# A whole region is silent.
deny contains finding if {
	some c in input.coverage
	c.captured
	some r in c.expected_regions
	r.region in gap_regions[c.loc]
	n := count(r.accounts)
	finding := {
		"msg": [
			"%s: no source reports from region %s%s (%s): a blind spot in the aggregated view",
			c.label, r.region, expected_words(n), from_words(c),
		],
		"loc": r.loc,
		"resource": {"aggregator": c.aggregator, "account": null, "region": r.region},
		"remediation": region_fix(c, r.region),
	}
}

# An account is silent in some (or all) of its regions.
deny contains finding if {
	some c in input.coverage
	c.captured
	some a in c.expected_accounts
	gaps := gap_regions[c.loc]
	reports := object.get(c.reported, a.id, {})
	missing := [r |
		some r in a.regions
		not reports[r]
		not c.organization_regions[r]
		not r in gaps
	]
	count(missing) > 0
	finding := {
		"msg": [
			"%s: account %s has no source status in %d of its %d expected region(s): %L — a blind spot in the aggregated view",
			c.label, account_words(a), count(missing), count(a.regions), missing,
		],
		"loc": a.loc,
		"resource": {"aggregator": c.aggregator, "account": a.id, "region": one_region(missing)},
		"remediation": account_fix(c, a.id, missing),
	}
}

# ACTIVE organization accounts that an account-based aggregator does not list.
deny contains finding if {
	active := {x.id | some x in input.accounts; x.from == "organizations"; x.active}
	count(active) > 0
	some agg in input.aggregators
	count(agg.account_sources) > 0
	agg.organization_source == null
	listed := {id | some s in agg.account_sources; some id in lib.strings(s.account_ids)}
	absent := active - listed
	count(absent) > 0
	words := sort([account_words(x) | some x in input.accounts; x.id in absent; x.from == "organizations"])
	finding := {
		"msg": [
			"%s lists %d account(s), but %d ACTIVE account(s) of the organization are not among them: %L",
			agg.label, count(listed), count(absent), words,
		],
		"loc": agg.account_sources[0].account_ids.loc,
		"remediation": [
			"Add the accounts to %s (%s), or replace the account source with an organization source so new accounts are aggregated by themselves; each added account must authorize the aggregator (aws configservice put-aggregation-authorization).",
			agg.label, agg.names.account_ids,
		],
	}
}

# In a snapshot, an aggregator whose sources status was not captured (and no failure says why).
deny contains finding if {
	count(input.manifests) > 0
	some c in input.coverage
	not c.captured
	not c.capture_failed
	finding := {
		"msg": [
			"%s: the snapshot holds no sources status for it, so whether its accounts and regions report cannot be shown",
			c.label,
		],
		"loc": c.loc,
		"remediation": [
			"Capture it: aws configservice describe-configuration-aggregator-sources-status --configuration-aggregator-name %s --region %s --output json > %s/sources-status.json",
			lib.text(c.aggregator), lib.text(c.aggregator_region), lib.text(c.aggregator),
		],
	}
}

expected_words(0) := ""

expected_words(n) := sprintf(", where %d account(s) are expected", [n]) if n > 0

one_region(missing) := missing[0] if count(missing) == 1

one_region(missing) := null if count(missing) != 1

from_words(c) := sprintf("accounts from %s, regions from %s", [c.accounts_from, c.regions_from])

region_fix(c, r) := [
	"Enable AWS Config in region %[2]s of the organization's accounts (a configuration recorder and delivery channel, e.g. with a CloudFormation StackSet), and check that %[2]s is an enabled region; then confirm: aws configservice describe-configuration-aggregator-sources-status --configuration-aggregator-name %[1]s --region %[3]s",
	lib.text(c.aggregator), r, lib.text(c.aggregator_region),
] if c.organization

region_fix(c, r) := [
	"Authorize the aggregator in region %[2]s of each listed account: aws configservice put-aggregation-authorization --authorized-account-id %[4]s --authorized-aws-region %[3]s --region %[2]s; check that AWS Config records there; then confirm: aws configservice describe-configuration-aggregator-sources-status --configuration-aggregator-name %[1]s --region %[3]s",
	lib.text(c.aggregator), r, lib.text(c.aggregator_region), lib.text(c.aggregator_account),
] if not c.organization

account_fix(c, id, missing) := [
	"In account %[1]s, enable AWS Config recording in %[2]L (aws configservice describe-configuration-recorder-status --region <region>, for each region, shows it), and check the account is a member of the organization the aggregator reads; then confirm: aws configservice describe-configuration-aggregator-sources-status --configuration-aggregator-name %[3]s --region %[4]s",
	id, missing, lib.text(c.aggregator), lib.text(c.aggregator_region),
] if c.organization

account_fix(c, id, missing) := [
	"In account %[1]s, authorize the aggregator for each region: aws configservice put-aggregation-authorization --authorized-account-id %[5]s --authorized-aws-region %[4]s --region <region>, for each <region> of %[2]L, and check that AWS Config records there; then confirm: aws configservice describe-configuration-aggregator-sources-status --configuration-aggregator-name %[3]s --region %[4]s",
	id, missing, lib.text(c.aggregator), lib.text(c.aggregator_region), lib.text(c.aggregator_account),
] if not c.organization
