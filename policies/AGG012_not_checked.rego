# METADATA
# title: Aggregator definition not checked
# description: |
#   What it does: names every aggregator definition aggrego recognises but does not
#   check, and why: a resource that is not created with the values given (`count` of 0,
#   an empty `for_each`, a CloudFormation `Condition` that is false), or one made by a
#   construct aggrego does not expand (the `Fn::ForEach` loop of the language extensions
#   transform).
#
#   Why it matters: a definition that is never checked must never pass silently; a
#   reviewer should know it was not looked at, and with which values.
#
#   How to fix: nothing, when the resource is meant not to be created with these values;
#   otherwise scan with the values it is deployed with (`--var`, `--var-file`,
#   `--parameter`, `--parameter-file`), or scan the processed template or the plan.
# custom:
#   id: AGG012
#   severity: info
#   remediation: |
#     Scan with the values the definition is deployed with (--var, --var-file, --parameter,
#     --parameter-file), or the processed template or plan.
#   inputs: [cloudformation, terraform]
#   checks: unchecked
#   per_item: true
package aggrego.not_checked

deny contains finding if {
	some u in input.unchecked
	finding := {
		"msg": ["%s is not checked: %s", label(u), u.reason],
		"loc": u.loc,
	}
}

label(u) := u.address if startswith(u.address, u.type)

label(u) := sprintf("%s (%s)", [u.address, u.type]) if not startswith(u.address, u.type)
