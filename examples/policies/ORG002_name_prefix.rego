# METADATA
# title: Aggregator name without the organisation prefix
# description: |
#   What it does: reports an aggregator whose name does not start with
#   `data.org.name_prefix`. Names that are not known offline (variables, `!Sub` with
#   pseudo parameters) are left to AGG011.
#
#   Why it matters: the prefix is how runbooks, dashboards and access policies find the
#   organisation's aggregators; an aggregator outside the convention is easily missed.
# custom:
#   id: ORG002
#   severity: low
#   remediation: Rename the aggregator (a new aggregator is created; delete the old one).
#   inputs: [aws-cli, cloudformation, terraform, terraform-plan]
#   checks: aggregators
package example.name_prefix

deny contains finding if {
	some a in input.aggregators
	a.name.known
	is_string(a.name.value)
	not startswith(a.name.value, data.org.name_prefix)
	finding := {
		"msg": sprintf("%s: name %q does not start with %q", [a.label, a.name.value, data.org.name_prefix]),
		"loc": a.name.loc,
		"remediation": sprintf("Name it %s%s in %s.", [data.org.name_prefix, a.name.value, a.names.name]),
	}
}
