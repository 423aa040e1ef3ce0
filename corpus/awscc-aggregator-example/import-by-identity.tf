import {
  to = awscc_config_configuration_aggregator.example
  identity = {
    configuration_aggregator_name = "configuration_aggregator_name"
  }
}
