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
		"msg": ["%s aggregates a fixed list of %s: accounts that join the organization later are not covered", a.label, accounts_words(a)],
		"loc": a.account_sources[0].loc,
		"remediation": fix(a),
	}
}

# How many accounts, saying which are unknown offline rather than counting them as none.
accounts_words(a) := sprintf("%d account(s)", [count(known_ids(a))]) if {
	not some_unknown(a)
}

accounts_words(a) := sprintf("%d account(s), some unknown offline (%s)", [count(known_ids(a)) + count(unknown_items(a)), concat(", ", unknown_items(a))]) if {
	not whole_unknown(a)
	count(unknown_items(a)) > 0
}

accounts_words(a) := sprintf("accounts unknown offline (%s)", [concat(", ", [sprintf("%s = %s", [a.names.account_ids, x.account_ids.expr]) | some x in a.account_sources; not x.account_ids.known])]) if {
	whole_unknown(a)
}

known_ids(a) := {id | some s in a.account_sources; some id in lib.strings(s.account_ids)}

unknown_items(a) := [v.expr |
	some s in a.account_sources
	is_array(s.account_ids.value)
	some v in s.account_ids.value
	not v.known
]

whole_unknown(a) if {
	some s in a.account_sources
	not s.account_ids.known
}

some_unknown(a) if whole_unknown(a)

some_unknown(a) if count(unknown_items(a)) > 0

# Replace the account source with an organization source, in the definition's own language.
fix(a) := sprintf(
	"From the management account or a delegated administrator for AWS Config: aws configservice put-configuration-aggregator --configuration-aggregator-name %s --organization-aggregation-source '{\"RoleArn\":\"arn:aws:iam::%s:role/<role-with-AWSConfigRoleForOrganizations>\",\"AllAwsRegions\":true}' --region %s",
	[lib.arg(a.name.value, "aggregator-name"), lib.arg(a.account, "account-id"), lib.arg(a.region, "aggregator-region")],
) if a.kind == "aws-cli"

fix(a) := sprintf("In %s, replace %s with OrganizationAggregationSource: {RoleArn: <ARN of a role with AWSConfigRoleForOrganizations>, AllAwsRegions: true}, deployed from the management account or a delegated administrator for AWS Config.", [a.address, a.names.account_sources]) if a.kind == "cloudformation"

fix(a) := sprintf("In %s, replace the %s block(s) with organization_aggregation_source { role_arn = <ARN of a role with AWSConfigRoleForOrganizations>, all_regions = true }, applied from the management account or a delegated administrator for AWS Config.", [a.address, a.names.account_sources]) if a.names.all_regions == "all_regions"

fix(a) := sprintf("In %s, replace %s with organization_aggregation_source = { role_arn = <ARN of a role with AWSConfigRoleForOrganizations>, all_aws_regions = true }, applied from the management account or a delegated administrator for AWS Config.", [a.address, a.names.account_sources]) if a.names.all_regions == "all_aws_regions"
