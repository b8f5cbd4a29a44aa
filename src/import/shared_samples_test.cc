// The importers on the real samples in ../shared/data/eventdata (skipped
// when absent): rows loaded vs rejected.
#include <gtest/gtest.h>

#include <string>

#include "base/file_util.h"
#include "import/country_names.h"
#include "import/event_file_reader.h"
#include "import/icews_format.h"
#include "testing/testing.h"

namespace trigon::import {
namespace {

struct Counts {
  int loaded = 0;
  int rejected = 0;
  std::string first_error;
};

Counts LoadSample(const std::string& name, ImportFormat expected) {
  Counts c;
  const std::string shared = trigon::testing::SharedDir();
  auto data = ReadFileBytes(shared + "/data/eventdata/" + name);
  EXPECT_TRUE(data.ok()) << data.status().ToString();
  if (!data.ok()) return c;
  auto format = DetectImportFormat(*data);
  EXPECT_TRUE(format.ok());
  EXPECT_EQ(*format, expected);
  auto names = CountryNames::Load(trigon::testing::SourceDir() + "/data/dict/countries.txt");
  EXPECT_TRUE(names.ok()) << names.status().ToString();
  if (!names.ok()) return c;
  AddIcewsCountrySpellings(*names);
  ImportOptions o;
  o.countries = &*names;
  auto reader = EventFileReader::Open(*data, name, expected, o);
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  if (!reader.ok()) return c;
  while (auto row = (*reader)->Next()) {
    if (row->ok()) {
      ++c.loaded;
    } else {
      if (c.rejected++ == 0) c.first_error = row->status().message();
    }
  }
  return c;
}

TEST(SharedSamplesTest, Weis) {
  if (trigon::testing::SharedDir().empty()) GTEST_SKIP() << "../shared absent";
  Counts c = LoadSample("weis_triangle_1966_1992.csv", ImportFormat::kCsv);
  EXPECT_EQ(c.loaded, 12222);
  EXPECT_EQ(c.rejected, 0) << c.first_error;
}

TEST(SharedSamplesTest, Gdelt1) {
  if (trigon::testing::SharedDir().empty()) GTEST_SKIP() << "../shared absent";
  Counts c = LoadSample("gdelt1_sample_aug2012.csv", ImportFormat::kGdelt1);
  EXPECT_EQ(c.loaded, 1255);
  EXPECT_EQ(c.rejected, 0) << c.first_error;
}

TEST(SharedSamplesTest, Icews) {
  if (trigon::testing::SharedDir().empty()) GTEST_SKIP() << "../shared absent";
  Counts c = LoadSample("icews_sample_2018.tab", ImportFormat::kIcews);
  EXPECT_EQ(c.loaded + c.rejected, 3705);
  EXPECT_EQ(c.rejected, 0) << c.first_error;
}

}  // namespace
}  // namespace trigon::import
