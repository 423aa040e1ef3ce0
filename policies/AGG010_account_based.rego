# METADATA
# title: Account-based aggregator
# description: |
#   What it does: notes an aggregator built from a list of accounts rather than from the
#   organization.
#
#   Why it matters: an account list must be kept up to date by hand, and each source account
#   must authorize the aggregator. Accounts that join the organization later are not
#   aggregated until someone adds them; an organization aggregator picks them up by itself.
#
#   How to fix: where the aggregator account is the management account or a delegated
#   administrator, use an organization source instead.
# related_resources:
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/aggregate-data.html
# custom:
#   id: AGG010
#   severity: info
#   remediation: |
#     Replace the account source with an organization source (OrganizationAggregationSource
#     with a RoleArn and AllAwsRegions: true), run from the management account or a delegated
#     administrator for AWS Config.
#   inputs: [aws-cli, cloudformation, terraform, terraform-plan]
#   checks: aggregators
#   per_item: true
package aggrego.account_based

import data.aggrego.lib

deny contains finding if {
	some a in input.aggregators
	count(a.account_sources) > 0
	a.organization_source == null
	finding := {
		"msg": [
			"%s aggregates a fixed list of %d account(s): accounts that join the organization later are not covered",
			a.label, count({id | some s in a.account_sources; some id in lib.strings(s.account_ids)}),
		],
		"loc": a.account_sources[0].loc,
	}
}
