# METADATA
# title: Aggregator setting could not be evaluated offline
# description: |
#   What it does: names, once per aggregator, the settings that decide other checks
#   (all regions, the region list, account IDs) but whose value cannot be known without
#   deploying: a variable without a default, a parameter without a default, a value known
#   only after apply.
#
#   Why it matters: aggrego never guesses an unknown value, so the checks that need it were
#   not made. A reviewer should know which.
#
#   How to fix: give the variable or parameter a default, pass a tfvars file or a plan
#   (`terraform show -json`), or check the deployed aggregator's describe output.
# custom:
#   id: AGG011
#   severity: info
#   remediation: |
#     Scan with the values known: add a default, a tfvars file, or the plan JSON
#     (`terraform show -json plan.out`), or scan the describe output of the deployed aggregator.
#   inputs: [cloudformation, terraform, terraform-plan]
package aggrego.not_evaluated


deny contains finding if {
	some a in input.aggregators
	unknown := unknowns(a)
	count(unknown) > 0
	finding := {
		"msg": ["%s: not evaluated offline: %s", a.label, concat(", ", [u.text | some u in unknown])],
		"loc": unknown[0].loc,
	}
}

# The unknown deciding fields, in document order.
unknowns(a) := sort_by_loc([u |
	some src in a.sources
	some key in ["all_regions", "regions", "account_ids"]
	field := object.get(src, key, null)
	field != null
	some u in unknown_parts(a, key, field)
])

unknown_parts(a, key, field) := [{"loc": field.loc, "text": describe(a, key, field)}] if not field.known

unknown_parts(a, key, field) := [{"loc": e.loc, "text": describe(a, key, e)} |
	some e in field.value
	not e.known
] if {
	field.known
	is_array(field.value)
}

describe(a, key, field) := concat(" = ", [a.names[key], field.expr]) if is_string(field.expr)

describe(a, key, field) := a.names[key] if not is_string(field.expr)

sort_by_loc(items) := [item |
	some loc in sort({i.loc | some i in items})
	some item in items
	item.loc == loc
]
