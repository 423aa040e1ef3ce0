# Copyright Amazon.com, Inc. or its affiliates. All Rights Reserved.
# SPDX-License-Identifier: MIT-0
variable "aggregator_account_id" {
  type = string
}

variable "aggregator_region" {
  type = string
}