"""Benchmark: serve the portal with gunicorn and production settings, request every page type.

Run by hand, not by the tests (see README, « Mesurer »). The pages are the page types that the
tests check (tests/browser/pages.py), plus a few heavier variants (EXTRAS):

    python -m bench.run --database-url postgres://postgres@127.0.0.1:5432/odd17_bench \
        --setup --resources 100000 --requests 30

For each page type it prints p50 and p95 latency, SQL queries per response, response bytes raw
and gzip-compressed, and the ratio of its p50 to the p50 of a static file of the same size served
by the same server (the floor of this stack); then the peak memory of the server processes.
It runs three times: with the cache disabled (every page and count computed; each server process
builds the in-memory facet index once, as after a change of the content, and the script prints what
that costs), with the data caches warm but every page rendered (PAGE_CACHE=0), and with the page
cache of anonymous visitors.
Only 127.0.0.1 is contacted; request loops are bounded.
"""

import argparse
import gzip
import http.client
import os
import secrets
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

# On top of every page type (tests/browser/pages.py, the list the tests check), variants that weigh
# more: lists with more facets, deeper pages, full-text searches from the commonest words of the
# content to a rarer phrase (seed_demo writes with the real content's sentences: words are as
# frequent as in the portal), and the map's GeoJSON.
EXTRAS = [
    ("liste, 1 facette", "/ressources/?profil=collectivites"),
    ("liste, 3 facettes", "/ressources/?profil=collectivites&territoire=69&domaine=emploi"),
    ("liste, 3 facettes, page 5", "/ressources/?profil=associations&territoire=R84&odd=17&page=5"),
    ("recherche « territoire »", "/ressources/?q=territoire"),
    ("recherche « partenariats territoire »", "/ressources/?q=partenariats+territoire"),
    ("recherche « jouer collectif »", "/ressources/?q=jouer+collectif"),
    ("recherche « coopération décentralisée »", "/ressources/?q=coop%C3%A9ration+d%C3%A9centralis%C3%A9e"),
    ("recherche « mécénat de compétences »", "/ressources/?q=m%C3%A9c%C3%A9nat+de+comp%C3%A9tences"),
    ("recherche globale « alliances territoire »", "/recherche/?q=alliances+territoire"),
    ("se former, sans filtre", "/perenniser/se-former/"),
    ("annuaire, 2 facettes (région)", "/catalyseurs/?metier=accompagnement&territoire=R84"),
    ("GeoJSON des catalyseurs", "/catalyseurs/carte.geojson"),
]


def pages():
    """(name, path) of every page type, found from the URL resolver, then the extras above."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "odd17.settings")
    django.setup()  # only to read the URL patterns: this process makes no query
    from tests.browser.pages import page_types

    return [*page_types().items(), *EXTRAS]


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def start_server(env, port, workers):
    command = [
        PYTHON,
        "-m",
        "gunicorn",
        "odd17.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--access-logfile",
        "/dev/null",
        "--error-logfile",
        "-",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    for _ in range(100):
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).request(
                "HEAD", "/static/bench/floor-1.html"
            )
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn ne démarre pas")


def fetch(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    started = time.perf_counter()
    connection.request("GET", path, headers={"Host": "127.0.0.1"})
    response = connection.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - started) * 1000
    connection.close()
    return response.status, elapsed, body, response.getheader("X-SQL-Queries")


def measure(port, path, requests):
    fetch(port, path)  # warm-up: connections, caches when enabled
    timings, queries, body, status = [], set(), b"", None
    for _ in range(requests):
        status, elapsed, body, counted = fetch(port, path)
        timings.append(elapsed)
        queries.add(counted)
    timings.sort()
    return {
        "status": status,
        "p50": statistics.median(timings),
        "p95": timings[min(len(timings) - 1, int(len(timings) * 0.95))],
        "queries": "/".join(sorted(q or "?" for q in queries)),
        "bytes": len(body),
        "gzip": len(gzip.compress(body)),
    }


def peak_memory(server):
    """Peak resident memory (VmHWM) of the gunicorn master and its workers, in MB."""
    pids = [server.pid]
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
    if children.exists():
        pids += [int(pid) for pid in children.read_text().split()]
    total = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                total += int(line.split()[1])
    return total / 1024


def write_floor_files(static_root, sizes):
    """Static files of these sizes, served by the same gunicorn; returns their folder."""
    folder = static_root / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    for size in sizes:
        (folder / f"floor-{size}.html").write_bytes(b"x" * size)
    return folder


def run(env, port, workers, requests, label, floors):
    """Measure every page of pages(); `floors` is the folder of static files to compare them with (None: no
    comparison, for the pass that only learns the sizes of the pages)."""
    results = {}
    server = start_server(env, port, workers)
    try:
        for name, path in pages():
            results[name] = measure(port, path, requests)
        if floors is None:
            return results, ""
        sizes = sorted(int(path.stem.split("-")[1]) for path in floors.glob("*.html"))
        for result in results.values():
            size = next((size for size in sizes if size >= result["bytes"]), sizes[-1])
            floor = measure(port, f"/static/bench/floor-{size}.html", requests)
            result["ratio"] = result["p50"] / floor["p50"]
            result["floor"] = floor["p50"]
        memory = peak_memory(server)
    finally:
        server.terminate()
        server.wait(timeout=30)
    lines = [
        f"\n### {label}\n",
        "| page | statut | p50 ms | p95 ms | requêtes SQL | octets | gzip | plancher ms | p50 / plancher |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, r in results.items():
        lines.append(
            f"| {name} | {r['status']} | {r['p50']:.1f} | {r['p95']:.1f} | {r['queries']} | {r['bytes']} | "
            f"{r['gzip']} | {r['floor']:.2f} | {r['ratio']:.1f} |"
        )
    lines.append(f"\nMémoire maximale des processus gunicorn ({workers} workers + maître) : {memory:.0f} Mo")
    return results, "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument(
        "--setup", action="store_true", help="migrer, charger le contenu et le volume synthétique"
    )
    parser.add_argument(
        "--resources", type=int, default=0, help="ressources synthétiques à ajouter (avec --setup)"
    )
    parser.add_argument("--requests", type=int, default=30, help="requêtes mesurées par page (borné à 200)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--output", type=Path, help="ajouter le tableau à ce fichier Markdown")
    args = parser.parse_args()
    if not args.database_url.startswith("postgres"):
        raise SystemExit("Mesurez sur PostgreSQL : --database-url postgres://…")
    requests = max(5, min(args.requests, 200))
    static_root = ROOT / "bench" / "out" / "static"
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(static_root),
        "BENCH_QUERY_COUNT": "1",
        "LOG_FORMAT": "plain",  # gunicorn.conf.py then leaves the command line's log options alone
    }
    if args.setup:
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_content")
        if args.resources:
            manage(env, "seed_demo", f"--resources={args.resources}")
        # FULL: seed_demo inserts, then indexes every row (an UPDATE); the table is measured compact,
        # as after a restore, not with one dead copy of each row. Then a plain VACUUM sets the
        # visibility map, as autovacuum does in production (VACUUM FULL leaves it empty), without
        # which no index-only scan is chosen.
        subprocess.run(["psql", args.database_url, "-qc", "VACUUM FULL"], check=True)
        subprocess.run(["psql", args.database_url, "-qc", "VACUUM ANALYZE"], check=True)
    manage(env, "collectstatic", "--noinput", "-v0")
    count_script = "from odd17.core.models import Resource; print(Resource.objects.count())"
    # What each server process pays once per change of the content: reading every link of the facets.
    build_script = (
        "import time; from odd17.core import facet_index; from odd17.core.filters import ResourceFilter;"
        " started = time.perf_counter(); sets = facet_index.index_of(ResourceFilter).build();"
        " print(f'{(time.perf_counter() - started) * 1000:.0f} ms, {len(sets)} clés')"
    )
    volume, build = (
        subprocess.run(
            [PYTHON, "manage.py", "shell", "-c", script],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
        for script in (count_script, build_script)
    )

    # Static files of the size of each page, served by the same gunicorn (sizes from a first pass).
    first, _ = run({**env, "CACHE": "none"}, args.port, args.workers, 3, "taille des pages", floors=None)
    floors = write_floor_files(static_root, sorted({r["bytes"] for r in first.values()}))

    heading = f"## {time.strftime('%Y-%m-%d')} — {volume} ressources, {requests} requêtes par page\n"
    built = (
        "\nConstruction de l'index des facettes en mémoire"
        f" (une fois par processus et par changement du contenu) : {build}\n"
    )
    report = [heading, built]
    label = (
        "Sans cache : tout est calculé à chaque requête"
        " (l'index des facettes en mémoire est construit une fois par processus)"
    )
    _, table = run({**env, "CACHE": "none"}, args.port, args.workers, requests, label, floors)
    report.append(table)
    label = "Caches de données chauds (listes d'options, statistiques), pages calculées (PAGE_CACHE=0)"
    _, table = run({**env, "PAGE_CACHE": "0"}, args.port, args.workers, requests, label, floors)
    report.append(table)
    label = "Avec le cache des pages des visiteurs anonymes (mémoire du processus, chaud)"
    _, table = run(env, args.port, args.workers, requests, label, floors)
    report.append(table)
    text = "\n".join(report) + "\n"
    print(text)
    if args.output:
        with args.output.open("a", encoding="utf-8") as output:
            output.write("\n" + text)


if __name__ == "__main__":
    main()
