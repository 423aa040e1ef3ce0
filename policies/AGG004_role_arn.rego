# METADATA
# title: Organization source without a usable role ARN
# description: |
#   What it does: reports an organization aggregation source whose `RoleArn` / `role_arn` is
#   missing, empty, or not an IAM role ARN (`arn:aws…:iam::<12 digits>:role/…`). A reference
#   that is resolved at deploy time (`!GetAtt Role.Arn`, `aws_iam_role.x.arn`, known after
#   apply) counts as present.
#
#   Why it matters: the API rejects an organization source without a role; with a wrong role
#   the aggregator cannot list the organization's accounts and collects nothing.
#
#   How to fix: point the source at an IAM role that AWS Config can assume and that has the
#   AWSConfigRoleForOrganizations managed policy attached.
# related_resources:
#   - ref: https://docs.aws.amazon.com/config/latest/APIReference/API_OrganizationAggregationSource.html
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/aggregated-register-delegated-administrator.html
# custom:
#   id: AGG004
#   severity: high
#   remediation: |
#     Set RoleArn (Terraform: role_arn) to the ARN of an IAM role that AWS Config can assume,
#     with the AWSConfigRoleForOrganizations managed policy attached.
#   inputs: [aws-cli, cloudformation, terraform, terraform-plan]
#   checks: aggregators
#   per_item: true
package aggrego.role_arn

import data.aggrego.lib

deny contains finding if {
	some a in input.aggregators
	org := a.organization_source
	org != null
	field := org.role_arn
	field.known
	problem := problems(a, field)
	a.kind != "aws-cli"
	finding := {
		"msg": ["%s: %s %s", a.label, org.what, problem],
		"loc": field.loc,
		# Formatted after evaluation; arguments: 1 where, 2 the source, 3 the role's name.
		"remediation": [role_formats[a.syntax], a.address, org.what, a.names.role_arn],
	}
}

deny contains finding if {
	some a in input.aggregators
	a.kind == "aws-cli"
	org := a.organization_source
	org != null
	field := org.role_arn
	field.known
	problem := problems(a, field)
	finding := {
		"msg": ["%s: %s %s", a.label, org.what, problem],
		"loc": field.loc,
		"remediation": fix(a, org),
	}
}

# The command with the aggregator's name, region and regions filled in; the role is the user's.
fix(a, org) := sprintf(
	"Point the source at an IAM role that AWS Config can assume, with the AWS managed policy AWSConfigRoleForOrganizations attached: aws configservice put-configuration-aggregator --configuration-aggregator-name %s --organization-aggregation-source '%s' --region %s",
	[lib.arg(a.name.value, "aggregator-name"), json.marshal(object.union(lib.source_regions(org), {"RoleArn": sprintf("arn:aws:iam::%s:role/<role-name>", [lib.arg(a.account, "account-id")])})), lib.arg(a.region, "aggregator-region")],
)

role_formats := {
	"hcl": "In %[2]s of %[1]s, set %[3]s = aws_iam_role.<name>.arn (an IAM role that AWS Config can assume, with the AWS managed policy AWSConfigRoleForOrganizations attached).",
	"yaml": "In %[1]s.Properties.%[2]s, set %[3]s: !GetAtt <RoleLogicalId>.Arn (an IAM role that AWS Config can assume, with the AWS managed policy AWSConfigRoleForOrganizations attached).",
	"json": "In %[1]s.Properties.%[2]s, set \"%[3]s\": {\"Fn::GetAtt\": [\"<RoleLogicalId>\", \"Arn\"]} (an IAM role that AWS Config can assume, with the AWS managed policy AWSConfigRoleForOrganizations attached).",
}

problems(a, field) := concat(" ", ["has no", a.names.role_arn]) if not field.explicit

problems(a, field) := concat(" ", ["has no", a.names.role_arn]) if {
	field.explicit
	field.value == null
}

problems(a, field) := concat(" ", ["has an empty", a.names.role_arn]) if field.value == ""

problems(a, field) := sprintf("%s `%s` is not an IAM role ARN (arn:aws:iam::<account-id>:role/<name>)", [a.names.role_arn, field.value]) if {
	is_string(field.value)
	field.value != ""
	not role_arn(field.value)
}

# Whether `v` matches `^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$` (any partition:
# aws, aws-cn, aws-us-gov), tested with string builtins: on every aggregator of
# a large repository they cost a small fraction of regex.match.
role_arn(v) if {
	parts := split(v, ":")
	count(parts) >= 6
	parts[0] == "arn"
	startswith(parts[1], "aws")
	trim(substring(parts[1], 3, -1), "abcdefghijklmnopqrstuvwxyz-") == ""
	parts[2] == "iam"
	parts[3] == ""
	count(parts[4]) == 12
	trim(parts[4], "0123456789") == ""
	name := concat(":", array.slice(parts, 5, count(parts)))
	startswith(name, "role/")
	count(name) > 5
	not contains(name, "\n")
}
