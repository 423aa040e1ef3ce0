# Helpers shared by the built-in policies: naming and remediation for source statuses.
package aggrego.lib

# A string for messages, whatever the input held.
text(x) := x if is_string(x)

text(x) := "unknown" if not is_string(x)

# "account 111122223333" or "organization o-abc" (the API's SourceType, in words).
source_label(s) := sprintf("account %s", [text(s.source_id)]) if s.source_type == "ACCOUNT"

source_label(s) := sprintf("organization %s", [text(s.source_id)]) if s.source_type == "ORGANIZATION"

source_label(s) := sprintf("source %s", [text(s.source_id)]) if not s.source_type in {"ACCOUNT", "ORGANIZATION"}

# "aggregator org-agg: " when the aggregator is known.
aggregator_prefix(s) := sprintf("aggregator %s: ", [s.aggregator]) if is_string(s.aggregator)

aggregator_prefix(s) := "" if not is_string(s.aggregator)

# The account is named only for account sources; an organization source's id is not an account.
status_resource(s) := {
	"aggregator": s.aggregator,
	"account": account,
	"region": s.region,
} if {
	account := object.get({"ACCOUNT": s.source_id}, s.source_type, null)
}

aggregator_account(s) := s.aggregator_account if is_string(s.aggregator_account)

aggregator_account(s) := "<aggregator-account-id>" if not is_string(s.aggregator_account)

aggregator_region(s) := s.aggregator_region if is_string(s.aggregator_region)

aggregator_region(s) := "<aggregator-region>" if not is_string(s.aggregator_region)

aggregator_name(s) := s.aggregator if is_string(s.aggregator)

aggregator_name(s) := "<aggregator-name>" if not is_string(s.aggregator)
