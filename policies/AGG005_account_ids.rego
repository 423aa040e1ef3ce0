# METADATA
# title: Account source with missing or invalid account IDs
# description: |
#   What it does: reports an account aggregation source whose `AccountIds` / `account_ids` is
#   missing or empty, holds an ID that is not 12 digits, or holds the same ID twice.
#
#   Why it matters: the API rejects such a source, or the aggregator silently lacks the
#   accounts that were meant to be in it.
#
#   How to fix: list each source account once, as its 12-digit ID (as a string, so leading
#   zeros survive).
# related_resources:
#   - ref: https://docs.aws.amazon.com/config/latest/APIReference/API_AccountAggregationSource.html
# custom:
#   id: AGG005
#   severity: high
#   remediation: |
#     List every source account once, as a quoted 12-digit account ID.
#   inputs: [aws-cli, cloudformation, terraform, terraform-plan]
#   checks: aggregators
#   per_item: true
package aggrego.account_ids


deny contains finding if {
	some a in input.aggregators
	some s in a.account_sources
	field := s.account_ids
	field.known
	not field.explicit
	finding := {
		"msg": ["%s: %s has no %s", a.label, s.what, a.names.account_ids],
		"loc": field.loc,
	}
}

deny contains finding if {
	some a in input.aggregators
	some s in a.account_sources
	field := s.account_ids
	field.known
	field.explicit
	count(field.value) == 0
	finding := {
		"msg": ["%s: %s has an empty %s", a.label, s.what, a.names.account_ids],
		"loc": field.loc,
	}
}

deny contains finding if {
	some a in input.aggregators
	some s in a.account_sources
	is_array(s.account_ids.value)
	some id in s.account_ids.value
	is_string(id.value)
	not account_id(id.value)
	finding := {
		"msg": ["%s: account ID `%s` is not 12 digits", a.label, id.value],
		"loc": id.loc,
	}
}

deny contains finding if {
	some a in input.aggregators
	some s in a.account_sources
	is_array(s.account_ids.value)
	some j, id in s.account_ids.value
	is_string(id.value)
	some i, earlier in s.account_ids.value
	i < j
	earlier.value == id.value
	finding := {
		"msg": ["%s: account ID %s is listed more than once", a.label, id.value],
		"loc": id.loc,
	}
}

# Twelve digits (cheaper than a regex: trimming the digits leaves nothing).
account_id(s) if {
	count(s) == 12
	trim(s, "0123456789") == ""
}
