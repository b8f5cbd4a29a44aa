// _trigon.Coder: the Trigon dictionaries compiled once, coding JSON Lines
// documents exactly as `trigon code --stdin` does (pipeline::CodeJsonLine).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "bindings.h"
#include "event_columns.h"
#include "pipeline/document_analyzer.h"
#include "text/normalizer.h"  // complete types for document_analyzer.h
#include "pipeline/document_coder.h"
#include "pipeline/json_line_coder.h"
#include "status_error.h"

namespace py = pybind11;

namespace trigon::python {
namespace {

class Coder {
 public:
  explicit Coder(const std::string& dict_dir) : dict_dir_(dict_dir) {
    // Loading takes a while and touches no Python object: other threads run.
    Result<std::unique_ptr<pipeline::DocumentAnalyzer>> analyzer =
        Status(StatusCode::kInternal, "analyzer not created");
    Result<std::unique_ptr<pipeline::DocumentCoder>> coder =
        Status(StatusCode::kInternal, "coder not created");
    {
      py::gil_scoped_release release;
      analyzer = pipeline::DocumentAnalyzer::Create();
      if (analyzer.ok()) coder = pipeline::DocumentCoder::Open(dict_dir);
    }
    analyzer_ = ValueOrThrow(std::move(analyzer));
    coder_ = ValueOrThrow(std::move(coder));
  }

  const std::string& version() const { return coder_->version(); }
  const std::string& dict_dir() const { return dict_dir_; }

  // Codes `lines` (line i is line first_line + i of `source`); blank lines
  // are skipped as the CLI does.  Returns (columns, skipped messages,
  // warnings); with skip_errors false the first bad line raises instead.
  py::tuple CodeLines(const std::vector<std::string>& lines, const std::string& source,
                      int64_t first_line, bool skip_errors) const {
    std::vector<Result<pipeline::CodedDocument>> coded;
    coded.reserve(lines.size());
    {
      // Coding is pure C++ on const objects: other Python threads run.
      py::gil_scoped_release release;
      for (size_t i = 0; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        if (line.find_first_not_of(" \t\r\n") == std::string::npos) continue;
        coded.push_back(pipeline::CodeJsonLine(*analyzer_, *coder_, line, source,
                                               first_line + static_cast<int64_t>(i)));
        if (!coded.back().ok() && !skip_errors) break;
      }
    }
    py::list skipped;
    py::list warnings;
    std::vector<EventView> views;
    for (const auto& doc : coded) {
      if (!doc.ok()) {
        if (!skip_errors) ThrowStatus(doc.status());
        skipped.append(doc.status().message());
        continue;
      }
      if (doc->events_over_limit > 0) {
        warnings.append(doc->doc.source_path + ": " + std::to_string(doc->events_over_limit) +
                        " events over the per-document limit were left out");
      }
      for (const pipeline::CodedEvent& e : doc->events) {
        EventView v;
        v.event = &e.stored;
        v.doc = &doc->doc;
        v.doc_label = doc->label;
        v.sentence_text = e.sentence_text;
        views.push_back(std::move(v));
      }
    }
    ColumnOptions options;
    options.evidence = true;
    return py::make_tuple(EventColumns(views, options), skipped, warnings);
  }

 private:
  std::string dict_dir_;
  std::unique_ptr<pipeline::DocumentAnalyzer> analyzer_;
  std::unique_ptr<pipeline::DocumentCoder> coder_;
};

}  // namespace

void RegisterCoding(py::module_& m) {
  py::class_<Coder>(m, "Coder",
                    "The Trigon dictionaries of a folder, compiled once; thread-safe.")
      .def(py::init<const std::string&>(), py::arg("dict_dir"))
      .def_property_readonly("version", &Coder::version)
      .def_property_readonly("dict_dir", &Coder::dict_dir)
      .def("code_lines", &Coder::CodeLines, py::arg("lines"), py::arg("source") = "stdin",
           py::arg("first_line") = 1, py::arg("skip_errors") = false,
           "Codes JSON Lines documents; returns (columns, skipped messages, warnings).")
      .def(py::pickle(
          [](const Coder& c) { return py::make_tuple(c.dict_dir()); },
          [](const py::tuple& t) { return Coder(t[0].cast<std::string>()); }));
}

}  // namespace trigon::python
