import Cartography
import WijkCore

/// The ward table of the outputs: one row per ward, one column per ward statistic.
///
/// Two versions: the exact layer of the working GeoPackage (``WorkingFiles/wards``: English
/// column names `<indicator>_num`, `_base`, `_share` (0–1), `_density_km2`, `_eb`, `_eb_spatial`, `_lq`,
/// `_rank`, `_z`, `_lisa_i`, `_lisa_p`, `_lisa`, `_gistar_z`, `_gistar_p`, `_hotspot`,
/// `_geary_c`, `_geary_p`, `_geary`, `_flags`), and the published table of `wards.csv` and `wards.xlsx` (``published(_:)``),
/// read from a ``Publication``: headers in the run's language, the share in percent, a
/// `_status` column per indicator, withheld cells as "<5" or "x", every number rounded.
public enum WardExport {
  /// The fields of the exact layer, in output order.
  public static func fields(_ result: AnalysisResult) -> [Field] {
    var fields = [
      Field(name: "code", type: .text), Field(name: "name", type: .text),
      Field(name: "area_km2", type: .real),
    ]
    for i in result.indicators {
      fields += [
        Field(name: i.id, type: .real), Field(name: "\(i.id)_num", type: .real),
        Field(name: "\(i.id)_base", type: .real), Field(name: "\(i.id)_share", type: .real),
        Field(name: "\(i.id)_density_km2", type: .real), Field(name: "\(i.id)_eb", type: .real),
        Field(name: "\(i.id)_eb_spatial", type: .real), Field(name: "\(i.id)_lq", type: .real), Field(name: "\(i.id)_rank", type: .integer),
        Field(name: "\(i.id)_z", type: .real), Field(name: "\(i.id)_lisa_i", type: .real),
        Field(name: "\(i.id)_lisa_p", type: .real), Field(name: "\(i.id)_lisa", type: .text),
        Field(name: "\(i.id)_gistar_z", type: .real), Field(name: "\(i.id)_gistar_p", type: .real),
        Field(name: "\(i.id)_hotspot", type: .text), Field(name: "\(i.id)_geary_c", type: .real),
        Field(name: "\(i.id)_geary_p", type: .real), Field(name: "\(i.id)_geary", type: .text),
        Field(name: "\(i.id)_flags", type: .text),
      ]
    }
    return fields + indexFields(result) + seriesFields(result)
  }

  /// The exact values of ward `w`, aligned with ``fields(_:)``.
  public static func row(_ result: AnalysisResult, ward w: Int) -> [AttributeValue] {
    let ward = result.wards[w]
    var row: [AttributeValue] = [
      .text(ward.code), .text(ward.name), .real(ward.areaSquareKilometres),
    ]
    for i in result.indicators {
      let v = i.wards[w]
      row += [
        real(v.value), real(v.numerator), real(v.base), real(v.shareOfCity),
        real(v.densityPerSquareKilometre), real(v.smoothedRate), real(v.spatialSmoothedRate),
        real(v.locationQuotient),
        v.rank.map { .integer(Int64($0)) } ?? .missing, real(v.zScore), real(v.localMoranI),
        real(v.lisaPseudoP), .text(v.lisaCategory), real(v.giStarZ), real(v.giStarPseudoP),
        v.hotspot.map(AttributeValue.text) ?? .missing, real(v.localGearyC),
        real(v.localGearyPseudoP), v.localGearyCategory.map(AttributeValue.text) ?? .missing,
        .text(v.flags.joined(separator: "; ")),
      ]
    }
    return row + indexRow(result, ward: w) + seriesRow(result, ward: w)
  }

  /// The exact wards as a layer (geometry in the analysis CRS) for the working GeoPackage.
  public static func layer(_ result: AnalysisResult, table: WardTable) -> Layer {
    Layer(
      name: "wards", source: "wijk analyse", crs: table.crs, fields: fields(result),
      features: table.codes.indices.map {
        Feature(index: $0, geometry: table.geometries[$0], values: row(result, ward: $0))
      })
  }

  // MARK: - Published

  /// One column of the published table.
  public struct Column: Sendable, Equatable {
    /// The header, in the run's language.
    public var name: String
    /// Text (codes, names, categories, markers) or a number.
    public var type: FieldType
    /// What the column holds, for the codebook.
    public var description: String
  }

  /// The published table: the columns (with their codebook lines) and one row per ward.
  public struct Published: Sendable {
    /// The columns, in order.
    public var columns: [Column]
    /// One row per ward, aligned with `columns`; withheld cells are the text "<5" or "x".
    public var rows: [[AttributeValue]]
    /// The code and name columns, which stay text.
    public var textColumns: Set<String> { Set(columns.prefix(2).map(\.name)) }

    /// As a `Table` for ``CSVWriter``.
    public var table: Table {
      Table(
        source: "wards.csv", columns: columns.map(\.name), rows: rows,
        lineNumbers: rows.indices.map { $0 + 2 })
    }
  }

  /// The published ward table of `p`, in its language.
  public static func published(_ p: Publication) -> Published {
    let r = p.result
    let t = Words(language: Language(rawValue: r.language) ?? .dutch)
    var columns = [
      Column(
        name: t("wijkcode", "code"), type: .text,
        description: t(
          "Code van de wijk (tekst: voorloopnullen blijven staan)",
          "Ward code (text: leading zeros are kept)")),
      Column(name: t("wijk", "name"), type: .text, description: t("Naam van de wijk", "Ward name")),
      Column(
        name: t("oppervlakte_km2", "area_km2"), type: .real,
        description: t("Oppervlakte in km² (2 decimalen)", "Area in km² (2 decimals)")),
    ]
    for i in r.indicators { columns += indicatorColumns(i, r, t) }
    columns += indexColumns(r, t) + seriesColumns(r, t)
    let rows = r.wards.indices.map { w -> [AttributeValue] in
      let ward = r.wards[w]
      return [.text(ward.code), .text(ward.name), .real(ward.areaSquareKilometres)]
        + r.indicators.flatMap { cells($0, ward: w, p, t) } + indexCells(p, ward: w)
        + seriesCells(p, ward: w)
    }
    return Published(columns: columns, rows: rows)
  }

  /// The per-indicator cells of the ward table, in column order: ``indicatorColumns`` and
  /// ``cells(_:ward:_:_:)`` follow it, and a reader of the cells indexes them by it, never
  /// by a number (a column added once shifted the map panel's "rank" onto the EB rate).
  enum Cell: Int, CaseIterable {
    case value, status, numerator, base, ci95Low, ci95High, shareOfCity, density, smoothed
    case spatialSmoothed, locationQuotient, rank, z, localMoran, lisaP, lisa, giStarZ, giStarP, hotspot
    case gearyC, gearyP, geary, flags
  }

  static func indicatorColumns(_ i: IndicatorResult, _ r: AnalysisResult, _ t: Words)
    -> [Column]
  {
    let label = i.label + (i.unit.map { " (\($0))" } ?? "")
    let d = PublishedPrecision.value(i)
    func significant(_ statistic: String) -> (String, String) {
      let f = i.tests.first { $0.statistic == statistic }
      let name = SignificanceWording.correction(r.multipleTesting.correction, t.language)
      let at = SignificanceWording.threshold(f?.threshold ?? r.significance, t.language)
      return (
        "significant na correctie (\(name)) bij \(at), \(f?.tests ?? 0) toetsen over de gepubliceerde wijken",
        "significant after correction (\(name)) at \(at), \(f?.tests ?? 0) tests over the published wards"
      )
    }
    let (lisa, gi, geary) = (
      significant("local Moran"), significant("Gi*"), significant("local Geary")
    )
    let lq = t.number(r.concentrationQuotient, 2)
    func c(_ suffix: (String, String), _ type: FieldType, _ text: (String, String)) -> Column {
      Column(
        name: i.id + t(suffix.0, suffix.1), type: type,
        description: label + ": " + t(text.0, text.1))
    }
    return [
      c(
        ("", ""), .real, ("waarde van de wijk (\(d) decimalen)", "the ward's value (\(d) decimals)")
      ),
      c(
        ("_status", "_status"), .text,
        (
          "leeg = gepubliceerd; <\(r.smallNumberThreshold) = een aantal onder \(r.smallNumberThreshold); x = niet gepubliceerd (volgt uit zo'n aantal, of beschermt een totaal)",
          "empty = published; <\(r.smallNumberThreshold) = a count below \(r.smallNumberThreshold); x = not published (follows from such a count, or protects a total)"
        )),
      c(("_teller", "_num"), .real, ("teller (het aantal)", "numerator (the count)")),
      c(("_noemer", "_base"), .real, ("noemer (basis)", "base (denominator)")),
      c(
        ("_bi95_laag", "_ci95_low"), .real,
        (
          "ondergrens van het 95%-betrouwbaarheidsinterval van een aandeel (Wilson) of cijfer (exact Poisson), uit de gepubliceerde teller en noemer; leeg voor aantallen en gemiddelden",
          "lower bound of the 95% confidence interval of a share (Wilson) or rate (exact Poisson), from the published numerator and base; empty for counts and means"
        )),
      c(
        ("_bi95_hoog", "_ci95_high"), .real,
        (
          "bovengrens van dat 95%-betrouwbaarheidsinterval",
          "upper bound of that 95% confidence interval"
        )),
      c(
        ("_aandeel_stad_pct", "_share_pct"), .real,
        (
          "aandeel van de wijk in het stadstotaal van de teller (%)",
          "the ward's share of the city total of the numerator (%)"
        )),
      c(("_dichtheid_km2", "_density_km2"), .real, ("aantal per km²", "count per km²")),
      c(
        ("_eb", "_eb"), .real,
        (
          "empirisch Bayes-cijfer (Marshall 1991, prior van de gepubliceerde wijken)",
          "empirical Bayes rate (Marshall 1991, prior of the published wards)"
        )),
      c(
        ("_eb_ruimtelijk", "_eb_spatial"), .real,
        (
          "ruimtelijk empirisch Bayes-cijfer (prior van de wijk en haar gepubliceerde buren)",
          "spatial empirical Bayes rate (prior of the ward and its published neighbours)"
        )),
      c(
        ("_lq", "_lq"), .real,
        ("locatiequotiënt wijk / stad (2 decimalen)", "location quotient ward / city (2 decimals)")),
      c(
        ("_rang", "_rank"), .integer,
        (
          "rang onder de gepubliceerde wijken, 1 = hoogste",
          "rank among the published wards, 1 = highest"
        )),
      c(
        ("_z", "_z"), .real,
        ("z-score over de gepubliceerde wijken", "z-score over the published wards")),
      c(
        ("_lisa_i", "_lisa_i"), .real,
        ("lokale Moran I (Anselin 1995)", "local Moran's I (Anselin 1995)")),
      c(("_lisa_p", "_lisa_p"), .real, ("pseudo-p van lokale Moran", "pseudo p of local Moran")),
      c(
        ("_lisa", "_lisa"), .text,
        (
          "LISA-categorie (HH, LL, HL, LH: de wijk en haar buren tegenover het gemiddelde), \(lisa.0)",
          "LISA category (HH, LL, HL, LH: the ward and its neighbours against the mean), \(lisa.1)"
        )),
      c(("_gistar_z", "_gistar_z"), .real, ("Getis-Ord Gi* z", "Getis-Ord Gi* z")),
      c(("_gistar_p", "_gistar_p"), .real, ("pseudo-p van Gi*", "pseudo p of Gi*")),
      c(
        ("_hotspot", "_hotspot"), .text,
        (
          "Gi*-hotspot of -coldspot (de buren samen hoog of laag), \(gi.0)",
          "Gi* hotspot or coldspot (the neighbours together high or low), \(gi.1)"
        )),
      c(
        ("_geary_c", "_geary_c"), .real,
        (
          "lokale Geary c (Anselin 2019): klein als de wijk op haar buren lijkt",
          "local Geary c (Anselin 2019): small when the ward is like its neighbours"
        )),
      c(("_geary_p", "_geary_p"), .real, ("pseudo-p van lokale Geary", "pseudo p of local Geary")),
      c(
        ("_geary", "_geary"), .text,
        (
          "lokale Geary-categorie (HH, LL, ander positief: lijkt op de buren; negatief: verschilt ervan), \(geary.0)",
          "local Geary category (HH, LL, other positive: like its neighbours; negative: unlike them), \(geary.1)"
        )),
      c(
        ("_kenmerken", "_flags"), .text,
        (
          "kenmerken van de wijk: concentratiewijk (haar eigen LQ ≥ \(lq) en een rang in het hoogste vijfde, zonder toets), kleine basis; de clusters, uitschieters en hotspots zeggen iets over haar buren, een cluster van concentratiewijken over de concentratiewijken onder haar buren (meer dan toeval, na correctie)",
          "the ward's flags: concentration ward (its own LQ ≥ \(lq) and a rank in the top fifth, no test), small base; the clusters, outliers and hotspots speak of its neighbours, a concentration cluster of the concentration wards among them (more than chance, after the correction)"
        )),
    ]
  }

  static func cells(_ i: IndicatorResult, ward w: Int, _ p: Publication, _ t: Words)
    -> [AttributeValue]
  {
    let v = i.wards[w]
    let f = p.withheld(i.id, ward: w)
    let x = AttributeValue.text(SmallNumbers.notPublished)
    func derived(_ value: Double?) -> AttributeValue { f != nil ? x : real(value) }
    func count(_ value: Double?, _ state: Withheld?) -> AttributeValue {
      state.map { .text(p.marker($0)) } ?? real(value)
    }
    let cityHidden = p.withheldCity.contains(i.id)
    let interval = RateInterval.published(i, v)
    let value: AttributeValue =
      f.map {
        i.kind == "count" && $0.numerator == nil
          ? real(v.value) : .text(p.marker($0.value(kind: i.kind)))
      }
      ?? real(v.value)
    return [
      value, f.map { .text(p.marker($0.reason)) } ?? .text(""),
      count(v.numerator, f?.numerator), count(v.base, f?.base),
      derived(interval?[0]), derived(interval?[1]),
      cityHidden ? x : derived(PublishedPrecision.percent(v.shareOfCity)),
      derived(v.densityPerSquareKilometre), derived(v.smoothedRate),
      derived(v.spatialSmoothedRate), cityHidden ? x : derived(v.locationQuotient),
      f != nil ? x : v.rank.map { .integer(Int64($0)) } ?? .missing,
      derived(v.zScore), derived(v.localMoranI), derived(v.lisaPseudoP),
      f != nil ? x : .text(SpatialWording.category(v.lisaCategory, t.language)), derived(v.giStarZ),
      derived(v.giStarPseudoP),
      f != nil ? x : v.hotspot.map { .text(t.flag($0)) } ?? .missing,
      derived(v.localGearyC), derived(v.localGearyPseudoP),
      f != nil
        ? x : v.localGearyCategory.map { .text(SpatialWording.category($0, t.language)) } ?? .missing,
      f != nil ? x : .text(v.flags.map { t.flag($0) }.joined(separator: "; ")),
    ]
  }

  /// The published table as the `wijken` sheet of `wards.xlsx`: the same columns, codes and
  /// text as text cells, numbers as number cells; a withheld number is an empty cell, its
  /// marker in the indicator's `_status` column.
  public static func sheet(_ published: Published, language: Language) -> Layer {
    let fields = published.columns.map { Field(name: $0.name, type: $0.type) }
    let features = published.rows.enumerated().map { k, row in
      Feature(
        index: k, geometry: nil,
        values: zip(row, fields).map { value, field in
          if field.type != .text, case .text = value { return .missing }
          return value
        })
    }
    return Layer(
      name: language == .dutch ? "wijken" : "wards", source: "wijk", crs: nil, fields: fields,
      features: features)
  }

  /// The codebook (`wards_codebook.csv` and the `codeboek` sheet): one line per column (the
  /// LISA and hotspot columns with their family's threshold and number of tests), then the
  /// multiple-testing rule, the small-number rule, what was withheld, the sources and the
  /// working files.
  public static func codebook(_ published: Published, _ p: Publication) -> Table {
    let language = Language(rawValue: p.result.language) ?? .dutch
    let t = Words(language: language)
    var rows: [[AttributeValue]] = published.columns.map {
      [.text($0.name), .text($0.description)]
    }
    rows.append([.text(""), .text("")])
    rows.append([
      .text(t("Meervoudig toetsen", "Multiple testing")),
      .text(SignificanceWording.method(p.result.multipleTesting, language)),
    ])
    let notes = p.notes(language)
    rows.append([.text(t("Kleine aantallen", "Small numbers")), .text(notes[0])])
    rows.append([.text(t("Niet gepubliceerd", "Not published")), .text(notes[1])])
    rows.append([
      .text(t("Bron", "Source")), .text(SummaryReport.credits(p.result).joined(separator: "; ")),
    ])
    rows.append([
      .text(t("Werkbestanden", "Working files")),
      .text(
        t(
          "De exacte cijfers staan in \(WorkingFiles.wards) en \(WorkingFiles.results): werkbestanden voor analisten, niet om te publiceren.",
          "The exact figures are in \(WorkingFiles.wards) and \(WorkingFiles.results): working files for analysts, not for publication."
        )),
    ])
    return Table(
      source: "wards_codebook.csv",
      columns: [t("kolom", "column"), t("omschrijving", "description")],
      rows: rows, lineNumbers: rows.indices.map { $0 + 2 })
  }

  /// The codebook as a sheet.
  public static func codebookSheet(_ codebook: Table, language: Language) -> Layer {
    Layer(
      name: language == .dutch ? "codeboek" : "codebook", source: "wijk", crs: nil,
      fields: codebook.columns.map { Field(name: $0, type: .text) },
      features: codebook.rows.enumerated().map { Feature(index: $0, geometry: nil, values: $1) })
  }

  static func real(_ x: Double?) -> AttributeValue { x.map(AttributeValue.real) ?? .missing }
}
