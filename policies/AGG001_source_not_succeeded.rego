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
#     --configuration-aggregator-name NAME --update-status FAILED OUTDATED`.
#   inputs: [aws-cli]
#   references:
#     conformity: Config-006
package aggrego.source_not_succeeded

import data.aggrego.lib

deny contains finding if {
	some s in input.source_statuses
	s.status != "SUCCEEDED"
	finding := {
		"msg": message(s),
		"loc": s.status_loc,
		"resource": lib.status_resource(s),
		"remediation": remediation(s),
	}
}

message(s) := sprintf("%s%s in %s is %s (last update %s)%s", [
	lib.aggregator_prefix(s),
	lib.source_label(s),
	lib.text(s.region),
	status_word(s),
	lib.text(s.updated_at),
	error_part(s),
])

status_word(s) := s.status if is_string(s.status)

status_word(s) := "without a LastUpdateStatus" if not is_string(s.status)

error_part(s) := sprintf(": %s: %s", [s.error_code, lib.text(s.error_message)]) if is_string(s.error_code)

error_part(s) := "" if not is_string(s.error_code)

remediation(s) := sprintf(
	"Authorize the aggregator to collect from this source. In account %s run: aws configservice put-aggregation-authorization --authorized-account-id %s --authorized-aws-region %s --region %s",
	[lib.text(s.source_id), lib.aggregator_account(s), lib.aggregator_region(s), lib.text(s.region)],
) if {
	s.error_code == "AccessDeniedException"
	s.source_type != "ORGANIZATION"
}

remediation(s) := sprintf(
	"The aggregator's role cannot read the organization. Attach the AWS managed policy AWSConfigRoleForOrganizations to the role given as RoleArn, and make account %s the management account or a delegated administrator for AWS Config. From the management account run: aws organizations register-delegated-administrator --account-id %s --service-principal config.amazonaws.com",
	[lib.aggregator_account(s), lib.aggregator_account(s)],
) if {
	organization_access(s)
}

organization_access(s) if s.error_code == "OrganizationAccessDeniedException"

organization_access(s) if {
	s.error_code == "AccessDeniedException"
	s.source_type == "ORGANIZATION"
}

remediation(s) := sprintf(
	"Account %s is not in an organization with all features and AWS Config trusted access. From the management account run: aws organizations enable-aws-service-access --service-principal config.amazonaws.com (and make sure the organization has all features enabled)",
	[lib.aggregator_account(s)],
) if {
	s.error_code in {"NoAvailableOrganizationException", "OrganizationAllFeaturesNotEnabledException"}
}

remediation(s) := sprintf(
	"AWS Config is not recording in account %s, region %s. There run: aws configservice describe-configuration-recorders --region %s; create a recorder with put-configuration-recorder if none, then aws configservice start-configuration-recorder --configuration-recorder-name NAME --region %s",
	[lib.text(s.source_id), lib.text(s.region), lib.text(s.region), lib.text(s.region)],
) if {
	s.error_code == "NoAvailableConfigurationRecorderException"
}

remediation(s) := sprintf(
	"The source has stopped delivering data without an error. In account %s, region %s, check the recorder with aws configservice describe-configuration-recorder-status --region %s, and check that the aggregator's authorization still exists (aws configservice describe-aggregation-authorizations --region %s).",
	[lib.text(s.source_id), lib.text(s.region), lib.text(s.region), lib.text(s.region)],
) if {
	not is_string(s.error_code)
}

remediation(s) := sprintf(
	"Resolve %s for %s in %s, then re-check with aws configservice describe-configuration-aggregator-sources-status --configuration-aggregator-name %s --update-status FAILED OUTDATED --region %s",
	[s.error_code, lib.source_label(s), lib.text(s.region), lib.aggregator_name(s), lib.aggregator_region(s)],
) if {
	is_string(s.error_code)
	not s.error_code in known_codes
}

known_codes := {
	"AccessDeniedException",
	"OrganizationAccessDeniedException",
	"NoAvailableOrganizationException",
	"OrganizationAllFeaturesNotEnabledException",
	"NoAvailableConfigurationRecorderException",
}
