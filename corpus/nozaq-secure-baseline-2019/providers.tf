# --------------------------------------------------------------------------------------------------
# A list of providers for all AWS regions.
# Reference: https://docs.aws.amazon.com/general/latest/gr/rande.html
# --------------------------------------------------------------------------------------------------

provider "aws" {
}

provider "aws" {
  alias = "ap-northeast-1"
}

provider "aws" {
  alias = "ap-northeast-2"
}

provider "aws" {
  alias = "ap-south-1"
}

provider "aws" {
  alias = "ap-southeast-1"
}

provider "aws" {
  alias = "ap-southeast-2"
}

provider "aws" {
  alias = "ca-central-1"
}

provider "aws" {
  alias = "eu-central-1"
}

provider "aws" {
  alias = "eu-north-1"
}

provider "aws" {
  alias = "eu-west-1"
}

provider "aws" {
  alias = "eu-west-2"
}

provider "aws" {
  alias = "eu-west-3"
}

provider "aws" {
  alias = "sa-east-1"
}

provider "aws" {
  alias = "us-east-1"
}

provider "aws" {
  alias = "us-east-2"
}

provider "aws" {
  alias = "us-west-1"
}

provider "aws" {
  alias = "us-west-2"
}

