package example.required_regions_test

import data.example.required_regions

source(all, regions) := {
	"what": "organization_aggregation_source",
	"all_regions": {"value": all},
	"regions": {"value": regions, "known": true, "explicit": regions != null, "loc": 5},
	"loc": 4,
}

required := ["us-east-1", "eu-west-1"]

test_missing_region_is_named if {
	some f in required_regions.deny with input as {"aggregators": [{"label": "x", "sources": [source(false, [{"value": "us-east-1"}])]}]}
		with data.org.required_regions as required
	f.loc == 5
	endswith(f.msg, "required region(s) eu-west-1")
}

test_all_regions_passes if {
	count(required_regions.deny) == 0 with input as {"aggregators": [{"label": "x", "sources": [source(true, null)]}]}
		with data.org.required_regions as required
}

test_no_region_list_points_at_the_source if {
	some f in required_regions.deny with input as {"aggregators": [{"label": "x", "sources": [source(false, null)]}]}
		with data.org.required_regions as required
	f.loc == 4
}
