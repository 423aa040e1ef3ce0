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
#   where: ["account_sources != []"]
package aggrego.account_ids

import data.aggrego.lib

deny contains finding if {
	some a in input.aggregators
	some s in a.account_sources
	field := s.account_ids
	field.known
	not field.explicit
	finding := {
		"msg": ["%s: %s has no %s", a.label, s.what, a.names.account_ids],
		"loc": field.loc,
		"remediation": list_fix(a, s, ["<account-id>"]),
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
		"remediation": list_fix(a, s, ["<account-id>"]),
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
		"remediation": list_fix(a, s, [x | some x in valid_ids(s)] ),
	}
}

deny contains finding if {
	some a in input.aggregators
	some s in a.account_sources
	is_array(s.account_ids.value)
	# Only a list with a repeated ID is searched for which.
	count(s.account_ids.value) != count({v.value | some v in s.account_ids.value})
	some j, id in s.account_ids.value
	is_string(id.value)
	some i, earlier in s.account_ids.value
	i < j
	earlier.value == id.value
	finding := {
		"msg": ["%s: account ID %s is listed more than once", a.label, id.value],
		"loc": id.loc,
		"remediation": list_fix(a, s, [x | some x in valid_ids(s)]),
	}
}

# Twelve digits (cheaper than a regex: trimming the digits leaves nothing).
account_id(s) if {
	count(s) == 12
	trim(s, "0123456789") == ""
}

# The source's valid IDs once each, in order, and a marked place for the rest.
valid_ids(s) := array.concat(
	[id | some i, id in lib.strings(s.account_ids); account_id(id); not seen_before(lib.strings(s.account_ids), i, id)],
	["<account-id>"],
)

seen_before(ids, i, id) if {
	some j, x in ids
	j < i
	x == id
}

# The account list as it should be written: the complete command for API
# output, the attribute in the definition's own language otherwise.
list_fix(a, s, ids) := sprintf(
	"List each account once, as a quoted 12-digit ID: aws configservice put-configuration-aggregator --configuration-aggregator-name %s --account-aggregation-sources '%s' --region %s",
	[lib.arg(a.name.value, "aggregator-name"), json.marshal([object.union(lib.source_regions(s), {"AccountIds": ids})]), lib.arg(a.region, "aggregator-region")],
) if a.kind == "aws-cli"

list_fix(a, s, ids) := sprintf("List each account once, as a quoted 12-digit ID: in %s, set %s.", [
	lib.place(a, s), lib.assign(a, a.names.account_ids, json.marshal(ids)),
]) if a.kind != "aws-cli"
