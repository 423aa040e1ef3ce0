package example.name_prefix_test

import data.example.name_prefix

agg(name, known) := {
	"label": "x",
	"names": {"name": "name"},
	"name": {"value": name, "known": known, "loc": 3},
}

test_name_without_prefix if {
	some f in name_prefix.deny with input as {"aggregators": [agg("audit", true)]}
		with data.org.name_prefix as "org-"
	f.loc == 3
	f.remediation == "Name it org-audit in name."
}

test_name_with_prefix if {
	count(name_prefix.deny) == 0 with input as {"aggregators": [agg("org-audit", true)]}
		with data.org.name_prefix as "org-"
}

test_unknown_name_is_left_alone if {
	count(name_prefix.deny) == 0 with input as {"aggregators": [agg(null, false)]}
		with data.org.name_prefix as "org-"
}
