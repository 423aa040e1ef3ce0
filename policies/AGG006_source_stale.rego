# METADATA
# title: Aggregator source has not updated recently
# description: |
#   What it does: reports every aggregator source whose `LastUpdateStatus` is `SUCCEEDED`
#   but whose `LastUpdateTime` is older than the allowed age (`--max-age`, 24 hours by
#   default) at the snapshot time (`--now`, else the newest timestamp in the snapshot).
#
#   Why it matters: a source can show its last attempt as succeeded long after it stopped
#   delivering data; the aggregated view then shows stale configuration and compliance.
#
#   How to fix: check the source's configuration recorder and delivery, and the
#   aggregator's authorization, in that account and region.
# related_resources:
#   - ref: https://docs.aws.amazon.com/config/latest/APIReference/API_AggregatedSourceStatus.html
# custom:
#   id: AGG006
#   severity: low
#   remediation: |
#     In the source account and region named in the message, check that the configuration
#     recorder is running (aws configservice describe-configuration-recorder-status --region <source-region>)
#     and that the aggregator's authorization exists
#     (aws configservice describe-aggregation-authorizations --region <source-region>).
#   inputs: [aws-cli]
#   checks: source_statuses
#   per_item: true
#   where: ["status == SUCCEEDED", "age_ns > settings.max_age_ns"]
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
package aggrego.source_stale

# `age_ns` is the source's age at the snapshot time, normalised by aggrego; the
# finding's resource is that of its `loc`. Both keep this fast on large exports.
deny := [finding |
	some s in input.source_statuses
	s.status == "SUCCEEDED"
	s.age_ns > input.settings.max_age_ns
	finding := {
		"msg": [
			"%s last updated %s, %D before the snapshot time %s (allowed: %D)",
			s.subject, s.updated_at, s.age_ns, input.settings.now, input.settings.max_age_ns,
		],
		"loc": s.updated_loc,
		"remediation": [fix, s.source_id, s.region],
	}
]

# The source's account and region filled in (formatted after evaluation).
fix := "In account %[1]s, region %[2]s: check that the configuration recorder is running (aws configservice describe-configuration-recorder-status --region %[2]s) and that the aggregator's authorization exists (aws configservice describe-aggregation-authorizations --region %[2]s)."
