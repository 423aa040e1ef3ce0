# METADATA
# title: Aggregator definition the API would reject
# description: |
#   What it does: reports definitions that `PutConfigurationAggregator` refuses: both or
#   neither source kind, more than one account source, `AllAwsRegions: true` together with
#   `AwsRegions`, a source with neither all regions nor a region list, a name that is not
#   1 to 256 letters, digits, `_` or `-`, more than 50 tags, or a tag key over 128 or value
#   over 256 characters.
#
#   Why it matters: the deployment fails, or (for a describe output that shows such a
#   definition) the aggregator does not do what its owners believe.
#
#   How to fix: correct the definition as each finding says.
# related_resources:
#   - ref: https://docs.aws.amazon.com/config/latest/APIReference/API_PutConfigurationAggregator.html
# custom:
#   id: AGG008
#   severity: high
#   remediation: |
#     Give the aggregator exactly one kind of source (one account source, or one organization
#     source), each with either AllAwsRegions true or a non-empty AwsRegions list (not both),
#     a name of 1-256 letters, digits, _ or -, and at most 50 tags.
#   inputs: [aws-cli, cloudformation, terraform, terraform-plan]
#   checks: aggregators
#   per_item: true
package aggrego.invalid_definition


deny contains finding if {
	some a in input.aggregators
	count(a.account_sources) > 0
	a.organization_source != null
	finding := {
		"msg": sprintf("%s has both %s and %s; the API accepts only one kind of source", [
			a.label, a.names.account_sources, a.names.organization_source,
		]),
		"loc": a.organization_source.loc,
	}
}

deny contains finding if {
	some a in input.aggregators
	count(a.account_sources) == 0
	a.organization_source == null
	finding := {
		"msg": sprintf("%s has no source: set %s or %s", [
			a.label, a.names.account_sources, a.names.organization_source,
		]),
		"loc": a.loc,
	}
}

deny contains finding if {
	some a in input.aggregators
	some i, s in a.account_sources
	i > 0
	finding := {
		"msg": sprintf("%s has %d account sources; the API accepts one (put all account IDs in it)", [
			a.label, count(a.account_sources),
		]),
		"loc": s.loc,
	}
}

deny contains finding if {
	some a in input.aggregators
	some src in a.sources
	src.all_regions.value == true
	is_array(src.regions.value)
	count(src.regions.value) > 0
	finding := {
		"msg": sprintf("%s: %s sets %s together with %s; use one or the other", [
			a.label, src.what, a.names.all_regions, a.names.regions,
		]),
		"loc": src.regions.loc,
	}
}

deny contains finding if {
	some a in input.aggregators
	some src in a.sources
	src.all_regions.known
	not src.all_regions.value == true
	src.regions.known
	src.regions.value in {null, []}
	finding := {
		"msg": sprintf("%s: %s has neither %s true nor a list of %s", [
			a.label, src.what, a.names.all_regions, a.names.regions,
		]),
		"loc": src.loc,
	}
}

deny contains finding if {
	some a in input.aggregators
	a.name.known
	not a.name.explicit
	finding := {
		"msg": sprintf("%s has no %s", [a.label, a.names.name]),
		"loc": a.name.loc,
	}
}

deny contains finding if {
	some a in input.aggregators
	is_string(a.name.value)
	not valid_name(a.name.value)
	finding := {
		"msg": sprintf("%s: name `%s` must be 1-256 letters, digits, _ or -", [a.label, a.name.value]),
		"loc": a.name.loc,
	}
}

deny contains finding if {
	some a in input.aggregators
	is_array(a.tags.value)
	count(a.tags.value) > 50
	finding := {
		"msg": sprintf("%s has %d tags; the limit is 50", [a.label, count(a.tags.value)]),
		"loc": a.tags.loc,
	}
}

deny contains finding if {
	some a in input.aggregators
	is_array(a.tags.value)
	some tag in a.tags.value
	some part, limit in {"key": 128, "value": 256}
	is_string(tag[part].value)
	count(tag[part].value) > limit
	finding := {
		"msg": sprintf("%s: tag %s is %d characters; the limit is %d", [a.label, part, count(tag[part].value), limit]),
		"loc": tag[part].loc,
	}
}

# The API's pattern is [\w\-]+ (ASCII word characters) and 1 to 256 characters.
# Trimming every allowed character leaves nothing exactly when the name matches;
# a string builtin is far cheaper than a regex on large repositories.
valid_name(name) if {
	count(name) > 0
	count(name) <= 256
	trim(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") == ""
}
