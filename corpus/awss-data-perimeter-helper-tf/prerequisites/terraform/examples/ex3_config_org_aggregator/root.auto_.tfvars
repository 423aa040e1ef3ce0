# Copyright Amazon.com, Inc. or its affiliates. All Rights Reserved.
# SPDX-License-Identifier: MIT-0
prefix                        = "" # example: "data-perimeter-helper"
main_region                   = "" # example: "eu-west-3"
profile_name_security_tooling = "" # example: "profile_name_security_tooling_account"