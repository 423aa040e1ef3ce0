# Copyright Amazon.com, Inc. or its affiliates. All Rights Reserved.
# SPDX-License-Identifier: MIT-0
prefix                            = "" # data-perimeter-helper
main_region                       = "" # example: "eu-west-3"
profile_name_security_tooling     = "" # example: "creds_profile_name_security_tooling"
profile_name_org_member_1_account = "" # example: "creds_profile_name_account_1"
profile_name_org_member_2_account = "" # example: "creds_profile_name_account_2"