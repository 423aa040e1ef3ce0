# METADATA
# title: Aggregator source is not collecting data
# description: |
#   What it does: reports every source of a configuration aggregator (an account or an
#   organization, in one region) whose `LastUpdateStatus` in a saved
#   `describe-configuration-aggregator-sources-status` output is not `SUCCEEDED`:
#   `FAILED`, `OUTDATED`, missing, or any other value.
#
#   Why it matters: while a source is not reporting, the aggregator's compliance view
#   silently lacks that account and region. Non-compliant resources there are invisible
#   to the teams and auditors who rely on the aggregated view.
#
#   How to fix: follow the remediation given with each finding; it depends on the
#   source's `LastErrorCode`.
# related_resources:
#   - ref: https://docs.aws.amazon.com/config/latest/APIReference/API_AggregatedSourceStatus.html
#   - ref: https://docs.aws.amazon.com/config/latest/developerguide/aggregate-data.html
# custom:
#   id: AGG001
#   severity: medium
#   remediation: |
#     Find why the source stopped reporting (`LastErrorCode`), fix the authorization, the
#     organization access or the configuration recorder in that account and region, then
#     confirm with `aws configservice describe-configuration-aggregator-sources-status
#     --configuration-aggregator-name <aggregator-name> --update-status FAILED OUTDATED`.
#   inputs: [aws-cli]
#   checks: source_statuses
#   per_item: true
#   where: ["status != SUCCEEDED"]
#   references:
#     conformity: Config-006
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
package aggrego.source_not_succeeded

# One comprehension over every source, with deferred formatting ([format, args...])
# and the resource taken from `loc`, keeps this fast on exports with hundreds of
# thousands of sources.
deny := [finding |
	some s in input.source_statuses
	s.status != "SUCCEEDED"
	fixes := object.get(remediations, s.source_type, remediations.ACCOUNT)
	finding := {
		"msg": ["%s is %s (last update %s). %s", s.subject, s.status, s.updated_at, s.error_text],
		"loc": s.status_loc,
		"remediation": [
			object.get(fixes, s.error_code, unknown_code),
			s.source_id, s.region, s.context.account, s.context.region, s.aggregator, s.error_code,
		],
	}
]

# Remediation formats by source type and LastErrorCode. Arguments: 1 source id,
# 2 source region, 3 aggregator account, 4 aggregator region, 5 aggregator name, 6 error code.
organization_access := "The aggregator's role cannot read the organization. Attach the AWS managed policy AWSConfigRoleForOrganizations to the role given as RoleArn, and make account %[3]s the management account or a delegated administrator for AWS Config. From the management account run: aws organizations register-delegated-administrator --account-id %[3]s --service-principal config.amazonaws.com"

no_organization := "Account %[3]s is not in an organization with all features enabled and AWS Config trusted access. From the management account run: aws organizations enable-aws-service-access --service-principal config.amazonaws.com"

no_recorder := "AWS Config is not recording in account %[1]s, region %[2]s. There run: aws configservice describe-configuration-recorders --region %[2]s; create a recorder with put-configuration-recorder if none, then: aws configservice start-configuration-recorder --configuration-recorder-name <recorder-name> --region %[2]s (the name that describe command shows)"

no_error := "The source stopped delivering data without an error. In account %[1]s, region %[2]s, check the recorder (aws configservice describe-configuration-recorder-status --region %[2]s) and that the aggregator's authorization still exists (aws configservice describe-aggregation-authorizations --region %[2]s)."

unknown_code := "Resolve %[6]s for source %[1]s in %[2]s, then re-check: aws configservice describe-configuration-aggregator-sources-status --configuration-aggregator-name %[5]s --update-status FAILED OUTDATED --region %[4]s"

common := {
	"OrganizationAccessDeniedException": organization_access,
	"NoAvailableOrganizationException": no_organization,
	"OrganizationAllFeaturesNotEnabledException": no_organization,
	"NoAvailableConfigurationRecorderException": no_recorder,
	null: no_error,
}

remediations := {
	"ACCOUNT": object.union(common, {"AccessDeniedException": "Authorize the aggregator to collect from this source. In account %[1]s run: aws configservice put-aggregation-authorization --authorized-account-id %[3]s --authorized-aws-region %[4]s --region %[2]s"}),
	"ORGANIZATION": object.union(common, {"AccessDeniedException": organization_access}),
}
