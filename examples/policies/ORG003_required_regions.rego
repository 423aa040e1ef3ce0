# METADATA
# title: Aggregator source misses a required region
# description: |
#   What it does: reports an aggregation source that neither aggregates all regions nor
#   lists every region in `data.org.required_regions`, naming the missing ones. Region lists
#   not known offline are left to AGG011.
#
#   Why it matters: the organisation's compliance commitments name these regions; a source
#   that skips one leaves it out of the aggregated view.
# custom:
#   id: ORG003
#   severity: medium
#   remediation: Add the missing regions to the source, or aggregate all regions.
#   inputs: [aws-cli, cloudformation, terraform, terraform-plan]
#   checks: aggregators
package example.required_regions

deny contains finding if {
	some a in input.aggregators
	some s in a.sources
	s.all_regions.value != true
	s.regions.known
	listed := {r.value | some r in listed_regions(s)}
	missing := [r | some r in data.org.required_regions; not r in listed]
	count(missing) > 0
	finding := {
		"msg": sprintf("%s: %s does not aggregate required region(s) %s", [a.label, s.what, concat(", ", missing)]),
		"loc": region_loc(s),
	}
}

listed_regions(s) := s.regions.value if is_array(s.regions.value)

listed_regions(s) := [] if not is_array(s.regions.value)

# Point at the region list when there is one, else at the source.
region_loc(s) := s.regions.loc if s.regions.explicit

region_loc(s) := s.loc if not s.regions.explicit
