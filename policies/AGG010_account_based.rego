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
	# Account IDs unknown offline are said to be, not counted as none.
	unknown := [sprintf("%s = %s", [u.attribute, u.expr]) | some u in a.unresolved; u.key == "account_ids"]
	finding := {
		"msg": [
			messages[count(unknown) == 0],
			a.label, count({id | some s in a.account_sources; some id in lib.strings(s.account_ids)}), concat(", ", unknown),
		],
		"loc": a.account_sources[0].loc,
		"remediation": [organization_formats[a.syntax][a.names.all_regions], a.address, a.names.account_sources, a.name.value, a.account, a.region],
	}
}

# Arguments: 1 the aggregator, 2 how many account IDs are known, 3 those unknown offline.
messages := {
	true: "%[1]s aggregates a fixed list of %[2]d account(s): accounts that join the organization later are not covered",
	false: "%[1]s aggregates a fixed list of accounts, some unknown offline (%[3]s): accounts that join the organization later are not covered",
}

# Replace the account source with an organization source, in the definition's
# own language; formatted after evaluation (arguments: 1 where, 2 the account
# sources' name, 3 the aggregator's name, 4 its account, 5 its region).
organization_formats := {
	"api": {"AllAwsRegions": "From the management account or a delegated administrator for AWS Config: aws configservice put-configuration-aggregator --configuration-aggregator-name %[3]s --organization-aggregation-source '{\"RoleArn\":\"arn:aws:iam::%[4]s:role/<role-with-AWSConfigRoleForOrganizations>\",\"AllAwsRegions\":true}' --region %[5]s"},
	"yaml": {"AllAwsRegions": "In %[1]s, replace %[2]s with OrganizationAggregationSource: {RoleArn: <ARN of a role with AWSConfigRoleForOrganizations>, AllAwsRegions: true}, deployed from the management account or a delegated administrator for AWS Config."},
	"json": {"AllAwsRegions": "In %[1]s, replace \"%[2]s\" with \"OrganizationAggregationSource\": {\"RoleArn\": \"<ARN of a role with AWSConfigRoleForOrganizations>\", \"AllAwsRegions\": true}, deployed from the management account or a delegated administrator for AWS Config."},
	"hcl": {
		"all_regions": "In %[1]s, replace the %[2]s block(s) with organization_aggregation_source { role_arn = <ARN of a role with AWSConfigRoleForOrganizations>, all_regions = true }, applied from the management account or a delegated administrator for AWS Config.",
		"all_aws_regions": "In %[1]s, replace %[2]s with organization_aggregation_source = { role_arn = <ARN of a role with AWSConfigRoleForOrganizations>, all_aws_regions = true }, applied from the management account or a delegated administrator for AWS Config.",
	},
}
