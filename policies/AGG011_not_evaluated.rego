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
#   checks: aggregators
#   per_item: true
package aggrego.not_evaluated


deciding := {"all_regions", "regions", "account_ids"}

deny contains finding if {
	some a in input.aggregators
	unknown := [u | some u in a.unresolved; u.key in deciding]
	count(unknown) > 0
	finding := {
		"msg": [
			"%s: not evaluated offline: %s",
			a.label, concat(", ", [concat(" = ", [u.attribute, u.expr]) | some u in unknown]),
		],
		"loc": unknown[0].loc,
	}
}
