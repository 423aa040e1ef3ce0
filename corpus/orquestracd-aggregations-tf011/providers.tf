provider "aws" {
  alias = "region_0"
}

provider "aws" {
  alias = "region_1"
}

provider "aws" {
  alias = "region_2"
}

provider "aws" {
  alias = "region_3"
}

provider "aws" {
  alias = "region_4"
}

provider "aws" {
  alias = "region_5"
}

provider "aws" {
  alias = "region_6"
}

provider "aws" {
  alias = "region_7"
}

provider "aws" {
  alias = "region_8"
}

provider "aws" {
  alias = "region_9"
}

provider "aws" {
  alias = "region_10"
}

provider "aws" {
  alias = "region_11"
}

provider "aws" {
  alias = "region_12"
}

provider "aws" {
  alias = "region_13"
}

provider "aws" {
  alias = "region_14"
}

provider "aws" {
  alias = "region_15"
}
