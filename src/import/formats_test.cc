// The importers on small inline fixtures, malformed rows included.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "import/country_names.h"
#include "import/event_file_reader.h"
#include "import/gdelt_format.h"
#include "import/icews_format.h"

namespace trigon::import {
namespace {

struct Loaded {
  std::vector<ImportedEvent> events;
  std::vector<std::string> errors;
};

Loaded Load(const std::string& data, ImportFormat format, const ImportOptions& o = {}) {
  Loaded out;
  auto r = EventFileReader::Open(data, "f.txt", format, o);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (!r.ok()) return out;
  while (auto row = (*r)->Next()) {
    if (row->ok()) {
      out.events.push_back(**row);
    } else {
      out.errors.push_back(row->status().message());
    }
  }
  return out;
}

std::string GdeltTabRow(const std::string& id, const std::string& date, const std::string& a1,
                        const std::string& a2, const std::string& code, const std::string& root,
                        const std::string& goldstein, size_t columns) {
  std::vector<std::string> f(columns, "");
  f[0] = id;
  f[1] = date;
  f[5] = a1;
  f[15] = a2;
  f[26] = code;
  f[28] = root;
  f[29] = "";
  f[30] = goldstein;
  f[31] = "7";
  std::string line;
  for (size_t i = 0; i < f.size(); ++i) line += (i ? "\t" : "") + f[i];
  return line + "\n";
}

TEST(GdeltFormatTest, TabSeparatedVersionOneAndTwo) {
  for (size_t cols : {kGdelt1Columns, kGdelt2Columns}) {
    const std::string data =
        GdeltTabRow("1", "20120801", "USAGOV", "RUS", "042", "04", "1.9", cols) +
        GdeltTabRow("2", "2012-08-01", "USA", "CHN", "42", "4", "1.9", cols) +
        GdeltTabRow("3", "20120832", "USA", "CHN", "042", "04", "1.9", cols) +
        GdeltTabRow("4", "20120801", "USA", "CHN", "042", "04", "lots", cols) +
        "5\t20120801\tshort\n";
    ASSERT_EQ(*DetectImportFormat(data),
              cols == kGdelt2Columns ? ImportFormat::kGdelt2 : ImportFormat::kGdelt1);
    Loaded l = Load(data, *DetectImportFormat(data));
    ASSERT_EQ(l.events.size(), 2u);
    const model::Event& e = l.events[0].event;
    EXPECT_EQ(l.events[0].external_id, "1");
    EXPECT_EQ(e.date, "2012-08-01");
    EXPECT_EQ(e.source, "USAGOV");
    EXPECT_EQ(e.source_country, "USA");
    EXPECT_EQ(e.target_country, "RUS");
    EXPECT_EQ(e.code, "042");
    EXPECT_EQ(e.root, "04");
    EXPECT_EQ(e.quad_class, 1);
    EXPECT_DOUBLE_EQ(e.goldstein, 1.9);
    EXPECT_EQ(e.mentions, 7u);
    EXPECT_EQ(l.events[1].event.code, "042") << "leading zero restored";
    ASSERT_EQ(l.errors.size(), 3u);
    EXPECT_NE(l.errors[0].find("f.txt:3: SQLDATE"), std::string::npos) << l.errors[0];
    EXPECT_NE(l.errors[1].find("f.txt:4: GoldsteinScale: not a number"), std::string::npos)
        << l.errors[1];
    EXPECT_NE(l.errors[2].find("f.txt:5: expected"), std::string::npos) << l.errors[2];
  }
}

TEST(GdeltFormatTest, CsvWithHeaderAndNa) {
  const std::string data =
      "\"GLOBALEVENTID\",\"SQLDATE\",\"Actor1Code\",\"Actor1CountryCode\",\"Actor2Code\","
      "\"Actor2CountryCode\",\"EventCode\",\"EventRootCode\",\"QuadClass\","
      "\"GoldsteinScale\",\"NumMentions\"\n"
      "10,20120801,NA,NA,\"GEO\",\"GEO\",\"130\",\"13\",3,-4.4,2\n"
      "11,20120801,\"RUS\",NA,\"GEO\",NA,\"190\",\"19\",9,-10,1\n";
  ASSERT_EQ(*DetectImportFormat(data), ImportFormat::kGdelt1);
  Loaded l = Load(data, ImportFormat::kGdelt1);
  ASSERT_EQ(l.events.size(), 1u);
  EXPECT_EQ(l.events[0].event.source, "");
  EXPECT_EQ(l.events[0].event.target_country, "GEO");
  ASSERT_EQ(l.errors.size(), 1u);
  EXPECT_NE(l.errors[0].find("f.txt:3: QuadClass"), std::string::npos) << l.errors[0];
}

TEST(IcewsFormatTest, NamesMapToCodes) {
  auto names = CountryNames::Parse(
      "@actor RUS  Russia\nname en Russia\n@actor USA  United States\n"
      "name en United States | =US\n@actor CHN  China\nname en China\n"
      "@actor COD  DR Congo\nname en Congo\n",
      "countries.txt");
  ASSERT_TRUE(names.ok());
  AddIcewsCountrySpellings(*names);
  ImportOptions o;
  o.countries = &*names;
  const std::string data =
      "Event ID\tEvent Date\tSource Name\tSource Country\tCAMEO Code\tIntensity\t"
      "Target Name\tTarget Country\n"
      "1\t2018-06-01\tPutin\tRussian Federation\t042\t1.9\tTrump\tUnited States\n"
      "2\t2018-06-01\tUN\tNA\t42\t1.9\tChina\tChina\n"
      "3\t2018-06-01\tX\tAtlantis\t042\t1.9\tChina\tChina\n"
      "4\t2018-06-31\tX\tChina\t042\t1.9\tChina\tChina\n"
      "5\t2018-06-01\tX\tChina\t042\t11\tChina\tChina\n"
      "6\t2018-06-01\tX\tChina\n";
  ASSERT_EQ(*DetectImportFormat(data), ImportFormat::kIcews);
  Loaded l = Load(data, ImportFormat::kIcews, o);
  ASSERT_EQ(l.events.size(), 2u);
  EXPECT_EQ(l.events[0].event.source_country, "RUS");
  EXPECT_EQ(l.events[0].event.target_country, "USA");
  EXPECT_EQ(l.events[0].external_id, "1");
  EXPECT_EQ(names->Find("Congo").value_or(""), "COG");
  EXPECT_EQ(l.events[1].event.source_country, "");
  EXPECT_EQ(l.events[1].event.code, "042");
  EXPECT_EQ(l.events[1].event.quad_class, 1);
  ASSERT_EQ(l.errors.size(), 4u);
  EXPECT_NE(l.errors[0].find("f.txt:4: Source Country: unknown country name 'Atlantis'"),
            std::string::npos)
      << l.errors[0];
  EXPECT_NE(l.errors[1].find("f.txt:5: Event Date"), std::string::npos);
  EXPECT_NE(l.errors[2].find("f.txt:6: Intensity: outside"), std::string::npos);
  EXPECT_NE(l.errors[3].find("f.txt:7: expected 8 columns, found 4"), std::string::npos);
}

TEST(IcewsFormatTest, NeedsTheDictionary) {
  auto r = EventFileReader::Open("Event ID\tCAMEO Code\n", "f", ImportFormat::kIcews, {});
  EXPECT_FALSE(r.ok());
}

TEST(GenericCsvFormatTest, RequiredColumnsIdsAndErrors) {
  const std::string data =
      "Date,Source,Target,weis_code,GOLDSTEIN,note\n"
      "1973-02-01,USA,CHN,031,4.0,\"Kissinger, in Beijing\"\n"
      "19730201,USA,CHN,031,4.0,\"Kissinger, in Beijing\"\n"
      "1973-02-30,USA,CHN,031,4.0,x\n"
      "1973-02-01,USA,CHN,031,plus,x\n"
      "1973-02-01,USA,CHN,031\n";
  ASSERT_EQ(*DetectImportFormat(data), ImportFormat::kCsv);
  Loaded l = Load(data, ImportFormat::kCsv);
  ASSERT_EQ(l.events.size(), 2u);
  const model::Event& e = l.events[0].event;
  EXPECT_EQ(e.date, "1973-02-01");
  EXPECT_EQ(e.source_country, "USA");
  EXPECT_EQ(e.target_country, "CHN");
  EXPECT_EQ(e.quad_class, 0);
  EXPECT_DOUBLE_EQ(e.goldstein, 4.0);
  EXPECT_NE(l.events[0].external_id, l.events[1].external_id);
  EXPECT_EQ(l.events[0].line, 2u);
  ASSERT_EQ(l.errors.size(), 3u);
  EXPECT_NE(l.errors[0].find("f.txt:4: date: impossible date"), std::string::npos) << l.errors[0];
  EXPECT_NE(l.errors[1].find("f.txt:5: goldstein: not a number 'plus'"), std::string::npos)
      << l.errors[1];
  EXPECT_NE(l.errors[2].find("f.txt:6: expected 6 columns, found 4"), std::string::npos);
}

TEST(GenericCsvFormatTest, HeaderWithoutRequiredColumnsIsRefused) {
  auto r = EventFileReader::Open("date,source,weight\n", "w.csv", ImportFormat::kCsv, {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("target, goldstein"), std::string::npos)
      << r.status().message();
  EXPECT_FALSE(DetectImportFormat("a,b,c\n").ok());
}

TEST(CountryNamesTest, ReadsActorsAndEnglishNames) {
  auto names = CountryNames::Parse(
      "# c\n@actor USA  United States\nname en the U.S. | =US\nadj en American\n", "c");
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(names->Find("united states").value_or(""), "USA");
  EXPECT_EQ(names->Find("US").value_or(""), "USA");
  EXPECT_FALSE(names->Find("American").has_value());
  EXPECT_TRUE(names->IsCountryCode("USA"));
  EXPECT_EQ(CountryOfActor("USAGOV", &*names), "USA");
  EXPECT_EQ(CountryOfActor("IGOUNO", &*names), "");
  EXPECT_FALSE(CountryNames::Parse("name en X\n", "c").ok());
}

}  // namespace
}  // namespace trigon::import
