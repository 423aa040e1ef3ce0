import {
  to = awscc_config_configuration_aggregator.example
  id = "configuration_aggregator_name"
}