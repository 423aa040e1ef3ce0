# METADATA
# title: Aggregator owned by an account other than the security account
# description: |
#   What it does: reports an aggregator whose ARN shows an owner account other than
#   `data.org.security_account`. Only saved describe output carries the ARN; definitions in
#   templates and Terraform are deployed to an account chosen later and are not judged.
#
#   Why it matters: an aggregator in a workload account gives that account's administrators
#   an organisation-wide view of configuration data and lets them alter what auditors see.
# related_resources:
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/aggregated-register-delegated-administrator.html
# custom:
#   id: ORG001
#   severity: high
#   remediation: |
#     Delete the aggregator from that account and create it in the security account
#     (registered as the delegated administrator for AWS Config).
#   inputs: [aws-cli]
#   checks: aggregators
package example.security_account_owner

deny contains finding if {
	some a in input.aggregators
	is_string(a.account)
	a.account != data.org.security_account
	finding := {
		"msg": sprintf(
			"%s is owned by account %s, not the security account %s",
			[a.label, a.account, data.org.security_account],
		),
		"loc": a.loc,
		"remediation": sprintf(
			"Delete it in account %s (aws configservice delete-configuration-aggregator --configuration-aggregator-name %s --region %s) and create it in account %s.",
			[a.account, a.name.value, a.region, data.org.security_account],
		),
	}
}
