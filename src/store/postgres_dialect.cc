#include "store/postgres_dialect.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <vector>

namespace trigon::store::internal {
namespace {

// SQLite's default SQLITE_MAX_VARIABLE_NUMBER.
constexpr int kMaxParameter = 32766;

enum class TokenKind { kSpace, kComment, kString, kQuotedIdentifier, kWord, kParameter, kOther };

struct Token {
  TokenKind kind;
  std::string_view text;
  size_t offset;
  int parameter = 0;  // for kParameter: the explicit number, 0 for a bare `?`
};

bool IsWordStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string Where(std::string_view sql, size_t offset) {
  return "at byte " + std::to_string(offset) + " of '" + std::string(sql.substr(0, 60)) +
         (sql.size() > 60 ? "...'" : "'");
}

// Scans a literal or identifier closed by `quote`, where a doubled quote
// stands for itself.  Returns its end, or npos when unterminated.
size_t ScanQuoted(std::string_view sql, size_t begin, char quote) {
  for (size_t i = begin + 1; i < sql.size(); ++i) {
    if (sql[i] != quote) continue;
    if (i + 1 < sql.size() && sql[i + 1] == quote) {
      ++i;
      continue;
    }
    return i + 1;
  }
  return std::string_view::npos;
}

Result<std::vector<Token>> Tokenize(std::string_view sql) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < sql.size()) {
    const size_t start = i;
    const char c = sql[i];
    TokenKind kind = TokenKind::kOther;
    int parameter = 0;
    if (std::isspace(static_cast<unsigned char>(c))) {
      while (i < sql.size() && std::isspace(static_cast<unsigned char>(sql[i]))) ++i;
      kind = TokenKind::kSpace;
    } else if (sql.substr(i, 2) == "--") {
      i = sql.find('\n', i);
      if (i == std::string_view::npos) i = sql.size();
      kind = TokenKind::kComment;
    } else if (sql.substr(i, 2) == "/*") {
      const size_t end = sql.find("*/", i + 2);
      if (end == std::string_view::npos) {
        return Status::InvalidArgument("unterminated comment " + Where(sql, start));
      }
      i = end + 2;
      kind = TokenKind::kComment;
    } else if (c == '\'' || c == '"') {
      i = ScanQuoted(sql, i, c);
      if (i == std::string_view::npos) {
        return Status::InvalidArgument(
            std::string(c == '\'' ? "unterminated string " : "unterminated identifier ") +
            Where(sql, start));
      }
      kind = c == '\'' ? TokenKind::kString : TokenKind::kQuotedIdentifier;
    } else if (IsWordStart(c)) {
      while (i < sql.size() && IsWordChar(sql[i])) ++i;
      kind = TokenKind::kWord;
    } else if (c == '?') {
      ++i;
      while (i < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i]))) ++i;
      if (i > start + 1) {
        const auto [end, ec] = std::from_chars(sql.data() + start + 1, sql.data() + i, parameter);
        if (ec != std::errc() || parameter < 1 || parameter > kMaxParameter) {
          return Status::InvalidArgument("placeholder " +
                                         std::string(sql.substr(start, i - start)) +
                                         " out of range " + Where(sql, start));
        }
      }
      kind = TokenKind::kParameter;
    } else if ((c == ':' || c == '@' || c == '$') && i + 1 < sql.size() && IsWordChar(sql[i + 1])) {
      return Status::Unsupported("named parameter " + Where(sql, start) + ": use ?N placeholders");
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      while (i < sql.size() && (IsWordChar(sql[i]) || sql[i] == '.')) ++i;
    } else {
      ++i;
    }
    tokens.push_back({kind, sql.substr(start, i - start), start, parameter});
  }
  return tokens;
}

bool Significant(const Token& t) {
  return t.kind != TokenKind::kSpace && t.kind != TokenKind::kComment;
}

// Index of the next significant token after `i`, or tokens.size().
size_t NextSignificant(const std::vector<Token>& tokens, size_t i) {
  for (++i; i < tokens.size(); ++i) {
    if (Significant(tokens[i])) return i;
  }
  return tokens.size();
}

bool IsWord(const std::vector<Token>& tokens, size_t i, std::string_view word) {
  return i < tokens.size() && tokens[i].kind == TokenKind::kWord && tokens[i].text == word;
}

// Words PostgreSQL reserves that SQLite accepts as bare column names.  Only
// lower-case spellings are identifiers by the store's convention.
bool IsReservedIdentifier(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kReserved = {
      "analyse", "analyze", "array", "both",     "do",   "end",
      "leading", "offset",  "only",  "trailing", "user", "window"};
  return std::find(kReserved.begin(), kReserved.end(), word) != kReserved.end();
}

// Checks for SQLite-only constructs and quotes reserved identifiers.
// Returns the text to emit for word token `i`.
Result<std::string> TranslateWord(std::string_view sql, const std::vector<Token>& tokens,
                                  size_t i) {
  const Token& t = tokens[i];
  if (t.text == "PRAGMA") {
    return Status::Unsupported("PRAGMA has no PostgreSQL form " + Where(sql, t.offset));
  }
  if (t.text == "group_concat") {
    return Status::Unsupported("group_concat " + Where(sql, t.offset) +
                               ": give the PostgreSQL text with string_agg");
  }
  if (t.text == "AUTOINCREMENT" || t.text == "WITHOUT") {
    return Status::Unsupported(std::string(t.text) + " " + Where(sql, t.offset) +
                               " has no PostgreSQL translation");
  }
  if (t.text == "REPLACE" && IsWord(tokens, NextSignificant(tokens, i), "INTO")) {
    return Status::Unsupported("REPLACE INTO " + Where(sql, t.offset) +
                               ": give the PostgreSQL text with ON CONFLICT (key) DO UPDATE");
  }
  if (IsReservedIdentifier(t.text)) return "\"" + std::string(t.text) + "\"";
  return std::string(t.text);
}

// True when word token `i` is the type of a column definition: it follows
// a column name, which follows "(" or ",".
bool IsColumnType(const std::vector<Token>& tokens, size_t i) {
  size_t name = i;
  do {
    if (name == 0) return false;
    --name;
  } while (!Significant(tokens[name]));
  if (tokens[name].kind != TokenKind::kWord && tokens[name].kind != TokenKind::kQuotedIdentifier) {
    return false;
  }
  size_t before = name;
  do {
    if (before == 0) return false;
    --before;
  } while (!Significant(tokens[before]));
  return tokens[before].text == "(" || tokens[before].text == ",";
}

// The PostgreSQL spelling of column type word `i`, or "" to keep it.
std::string_view ColumnType(const std::vector<Token>& tokens, size_t i, size_t* last) {
  const std::string_view word = tokens[i].text;
  *last = i;
  if (word == "INTEGER") {
    const size_t primary = NextSignificant(tokens, i);
    const size_t key = NextSignificant(tokens, primary);
    if (IsWord(tokens, primary, "PRIMARY") && IsWord(tokens, key, "KEY")) {
      // SQLite's rowid alias: numbered automatically when omitted.
      *last = key;
      return "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
    }
    return "BIGINT";
  }
  if (word == "REAL") return "DOUBLE PRECISION";
  if (word == "BLOB") return "BYTEA";
  if (word == "TEXT") return "TEXT COLLATE \"C\"";
  return "";
}

enum class Mode { kQuery, kSchema };

Result<PostgresQuery> Translate(std::string_view sql, Mode mode) {
  TRIGON_ASSIGN_OR_RETURN(const std::vector<Token> tokens, Tokenize(sql));
  std::vector<std::string> out;
  out.reserve(tokens.size() + 1);
  PostgresQuery query;
  // An INSERT OR IGNORE whose ON CONFLICT DO NOTHING is not yet written:
  // it goes before RETURNING, or after the statement's last token.
  bool conflict_clause_pending = false;
  size_t statement_end = 0;  // output index after the last significant token
  auto close_statement = [&] {
    if (!conflict_clause_pending) return;
    out.insert(out.begin() + static_cast<std::ptrdiff_t>(statement_end), " ON CONFLICT DO NOTHING");
    conflict_clause_pending = false;
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind == TokenKind::kOther && t.text == ";") {
      close_statement();
      out.emplace_back(t.text);
      statement_end = out.size();
      continue;
    }
    if (t.kind == TokenKind::kParameter) {
      if (mode == Mode::kSchema) {
        return Status::InvalidArgument("placeholder in a schema script " + Where(sql, t.offset));
      }
      const int n = t.parameter > 0 ? t.parameter : query.parameters + 1;
      if (n > kMaxParameter) {
        return Status::InvalidArgument("too many placeholders " + Where(sql, t.offset));
      }
      query.parameters = std::max(query.parameters, n);
      out.push_back("$" + std::to_string(n));
    } else if (t.kind != TokenKind::kWord) {
      out.emplace_back(t.text);
    } else if (t.text == "INSERT" && IsWord(tokens, NextSignificant(tokens, i), "OR")) {
      const size_t conflict = NextSignificant(tokens, NextSignificant(tokens, i));
      if (!IsWord(tokens, conflict, "IGNORE")) {
        return Status::Unsupported("INSERT OR " + Where(sql, t.offset) +
                                   ": only OR IGNORE translates; give the PostgreSQL text "
                                   "with ON CONFLICT (key) DO UPDATE");
      }
      out.emplace_back("INSERT");
      conflict_clause_pending = true;
      i = conflict;
    } else {
      size_t last = i;
      const std::string_view type =
          mode == Mode::kSchema && IsColumnType(tokens, i) ? ColumnType(tokens, i, &last) : "";
      if (!type.empty()) {
        out.emplace_back(type);
        i = last;
      } else {
        if (t.text == "RETURNING" && conflict_clause_pending) {
          out.emplace_back("ON CONFLICT DO NOTHING ");
          conflict_clause_pending = false;
        }
        TRIGON_ASSIGN_OR_RETURN(std::string word, TranslateWord(sql, tokens, i));
        out.push_back(std::move(word));
      }
    }
    if (Significant(t)) statement_end = out.size();
  }
  close_statement();
  for (const std::string& piece : out) query.text += piece;
  return query;
}

}  // namespace

Result<PostgresQuery> TranslateQuery(std::string_view sql) { return Translate(sql, Mode::kQuery); }

Result<std::string> TranslateSchema(std::string_view sql) {
  TRIGON_ASSIGN_OR_RETURN(PostgresQuery script, Translate(sql, Mode::kSchema));
  return std::move(script.text);
}

}  // namespace trigon::store::internal
