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
