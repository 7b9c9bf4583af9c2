"""The DCAT catalogue read as RDF by rdflib (Debian python3-rdflib): every DCAT-AP term
the portal promises is there, with the right vocabulary IRIs, and every distribution's size
and checksum match the published file."""

import hashlib
import json

FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/"
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
DATA_THEME = "http://publications.europa.eu/resource/authority/data-theme/"
LANGUAGE = "http://publications.europa.eu/resource/authority/language/"


def check_catalog_rdf(site, report):
    """Parses data/catalog.jsonld with rdflib and checks each dataset's DCAT terms."""
    path = site.public / "data" / "catalog.jsonld"
    if not path.is_file():
        report.missing("dcat-rdf", "data/catalog.jsonld", "the catalogue")
        return
    try:
        from rdflib import Graph, Literal, Namespace, URIRef
        from rdflib.namespace import DCAT, DCTERMS, RDF, XSD
    except ImportError:
        report.result("dcat-rdf", "data/catalog.jsonld",
                      ["rdflib is missing: scripts/install-deps --test installs python3-rdflib"])
        return
    SPDX = Namespace("http://spdx.org/rdf/terms#")
    FOAF = Namespace("http://xmlns.com/foaf/0.1/")
    VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
    g = Graph()
    try:
        g.parse(data=path.read_text(encoding="utf-8"), format="json-ld")
    except Exception as e:  # noqa: BLE001 - any parse failure is the finding
        report.result("dcat-rdf", "data/catalog.jsonld", [f"rdflib cannot parse it: {e}"])
        return
    catalogs = list(g.subjects(RDF.type, DCAT.Catalog))
    datasets = list(g.subjects(RDF.type, DCAT.Dataset))
    problems = []
    if len(catalogs) != 1:
        problems.append(f"{len(catalogs)} dcat:Catalog nodes, expected 1")
    metadata = {}
    for f in sorted((site.public / "data").glob("*.metadata.json")):
        doc = json.loads(f.read_text(encoding="utf-8"))
        metadata[doc["name"]] = doc
    if len(datasets) != len(metadata) or not datasets:
        problems.append(f"{len(datasets)} dcat:Dataset nodes for {len(metadata)} datasets")
    report.result("dcat-rdf", "catalogue", problems)

    for ds in datasets:
        problems = []
        name = str(g.value(ds, DCTERMS.identifier))
        meta = metadata.get(name)
        if meta is None:
            report.result("dcat-rdf", name, ["no <name>.metadata.json for this dataset"])
            continue

        def need(pred, what):
            values = list(g.objects(ds, pred))
            if not values:
                problems.append(f"no {what}")
            return values

        titles = need(DCTERMS.title, "dct:title")
        langs = {t.language for t in titles if isinstance(t, Literal)}
        if "zh-hant-tw" not in {str(l).lower() for l in langs if l}:
            problems.append(f"dct:title has no zh-Hant-TW value (languages: {langs})")
        if len(meta["title"]) > 1 and len(langs) < len(meta["title"]):
            problems.append(f"dct:title has {len(langs)} languages, metadata {len(meta['title'])}")
        need(DCTERMS.description, "dct:description")
        for pub in need(DCTERMS.publisher, "dct:publisher"):
            if not list(g.objects(pub, FOAF.name)):
                problems.append("the publisher has no foaf:name")
        for cp in need(DCAT.contactPoint, "dcat:contactPoint"):
            if not list(g.objects(cp, VCARD.fn)):
                problems.append("the contact point has no vcard:fn")
        for p in need(DCTERMS.accrualPeriodicity, "dct:accrualPeriodicity"):
            if not (isinstance(p, URIRef) and str(p).startswith(FREQUENCY)):
                problems.append(f"frequency {p} is not an EU frequency IRI")
        themes = need(DCAT.theme, "dcat:theme")
        for t in themes:
            if not (isinstance(t, URIRef) and str(t).startswith(DATA_THEME)):
                problems.append(f"theme {t} is not an EU data theme IRI")
        if sorted(map(str, themes)) != sorted(meta.get("themes", [])):
            problems.append(f"themes {sorted(map(str, themes))} differ from the metadata file")
        keywords = need(DCAT.keyword, "dcat:keyword")
        if sorted(map(str, keywords)) != sorted(meta["keywords"]):
            problems.append("dcat:keyword differs from the metadata file's keywords")
        if any(not k.language for k in keywords):
            problems.append("a keyword has no language tag")
        # Dates: those of the metadata file, and none where it has none (outside git).
        for pred, key in ((DCTERMS.issued, "issued"), (DCTERMS.modified, "modified")):
            if not meta.get(key):  # absent when unknown
                if list(g.objects(ds, pred)):
                    problems.append(f"dct:{key} given, but the metadata file has no {key} date")
                continue
            values = need(pred, f"dct:{key}")
            if values and (values[0].datatype != XSD.date or str(values[0]) != meta[key]):
                problems.append(f"dct:{key} {values[0]!r} is not the xsd:date {meta[key]}")
        periods = need(DCTERMS.temporal, "dct:temporal") if meta.get("temporal") else []
        for period in periods:
            start, end = g.value(period, DCAT.startDate), g.value(period, DCAT.endDate)
            if start is None or end is None or start.datatype != XSD.date:
                problems.append("dct:temporal lacks an xsd:date start and end")
            elif meta.get("temporal") and str(start)[:4] != meta["temporal"][:4]:
                problems.append(f"dct:temporal starts {start}, metadata says {meta['temporal']}")
        need(DCTERMS.spatial, "dct:spatial")
        for lang in need(DCTERMS.language, "dct:language"):
            if not str(lang).startswith(LANGUAGE):
                problems.append(f"language {lang} is not an EU language IRI")
        if g.value(ds, DCTERMS.source) is None:
            problems.append("no dct:source")
        distributions = need(DCAT.distribution, "dcat:distribution")
        # The metadata file lists the dataset's other files; the catalogue lists it too.
        files = {f["name"]: f for f in meta["files"]}
        if len(distributions) != len(files) + 1:
            problems.append(f"{len(distributions)} distributions for {len(files) + 1} files")
        for d in distributions:
            url = str(g.value(d, DCAT.downloadURL))
            fname = url.rsplit("/", 1)[-1]
            local = site.public / "data" / fname
            if not local.is_file():
                problems.append(f"distribution {url} is not a published file")
                continue
            body = local.read_bytes()
            size = g.value(d, DCAT.byteSize)
            if size is None or int(size) != len(body):
                problems.append(f"{fname}: dcat:byteSize {size}, file has {len(body)} bytes")
            checksum = g.value(d, SPDX.checksum)
            value = g.value(checksum, SPDX.checksumValue) if checksum is not None else None
            if value is None or str(value) != hashlib.sha256(body).hexdigest():
                problems.append(f"{fname}: spdx:checksum does not match the file")
            fmt = g.value(d, DCTERMS.format)
            if fmt is None or not str(fmt).startswith(FILE_TYPE):
                problems.append(f"{fname}: dct:format {fmt} is not an EU file-type IRI")
            if g.value(d, DCAT.mediaType) is None:
                problems.append(f"{fname}: no dcat:mediaType")
            if g.value(d, DCTERMS.license) is None:
                problems.append(f"{fname}: no dct:license")
        report.result("dcat-rdf", name, problems)
