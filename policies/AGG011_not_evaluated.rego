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
#   where: ["unresolved != []"]
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
		"remediation": fix(a, unknown[0].expr),
	}
}

# A value aggrego can be given: name it; else the deployed aggregator or the plan.
fix(a, expr) := sprintf("Give the value on the command line (as terraform plan -var does): aggrego scan … --var %s=<value> (or --var-file FILE), give the variable a default, or scan the plan: terraform plan -out plan.out && terraform show -json plan.out > plan.json", [trim_prefix(expr, "var.")]) if {
	a.kind == "terraform"
	simple_var(expr)
}

fix(a, expr) := "Scan the plan, where Terraform has evaluated it: terraform plan -out plan.out && terraform show -json plan.out > plan.json, then aggrego scan plan.json (with the .tf files to keep the locations)" if {
	a.kind == "terraform"
	not simple_var(expr)
}

fix(a, expr) := sprintf("Give the parameter's value (as aws cloudformation deploy --parameter-overrides does): aggrego scan … --parameter %s=<value> (or --parameter-file FILE), or give it a Default", [trim_prefix(expr, "!Ref ")]) if {
	a.kind == "cloudformation"
	startswith(expr, "!Ref ")
}

fix(a, expr) := "The value is made at deploy time: check the deployed aggregator's describe output (aws configservice describe-configuration-aggregators --output json > aggregators.json, then aggrego scan aggregators.json)" if {
	a.kind == "cloudformation"
	not startswith(expr, "!Ref ")
}

fix(a, _) := "The value is known only after apply: check the deployed aggregator's describe output (aws configservice describe-configuration-aggregators --output json > aggregators.json, then aggrego scan aggregators.json)" if a.kind == "terraform-plan"

simple_var(expr) if {
	startswith(expr, "var.")
	not contains(trim_prefix(expr, "var."), ".")
}
