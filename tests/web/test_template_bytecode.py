"""Templates are compiled once per process, never served stale, never shared across settings."""
from __future__ import annotations

from jinja2 import Environment, FileSystemLoader

from directory import create_app
from directory.web.template_bytecode import ProcessBytecodeCache


def _counting_compiles(environment: Environment) -> list[str]:
    """Record the names of the templates this environment compiles from source."""
    compiled: list[str] = []
    compile_source = environment.compile

    def compile_and_record(source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return compile_source(source, name, filename, raw, defer_init)

    environment.compile = compile_and_record
    return compiled


def test_a_second_app_in_the_process_renders_pages_without_compiling_them_again(database_url, tmp_path):
    def make_app(folder):
        return create_app({"TESTING": True, "DATABASE_URL": database_url, "INDEX_DIR": str(folder / "index"),
                           "SECRET_KEY": "test-secret", "INSTANCE_DIR": str(folder), "PAGE_CACHE": False})

    pages = []
    for number in (1, 2):
        folder = tmp_path / f"app{number}"
        folder.mkdir()
        app = make_app(folder)
        compiled = _counting_compiles(app.jinja_env)
        with app.test_client() as client:
            response = client.get("/gu/")
        app.extensions["directory.db"].dispose()
        assert response.status_code == 200
        pages.append((response.get_data(as_text=True), compiled))
    (first_page, _), (second_page, second_compiled) = pages
    assert second_page == first_page
    assert second_compiled == [], f"compiled again: {second_compiled}"


def test_an_edited_template_is_compiled_afresh(tmp_path):
    cache = ProcessBytecodeCache()
    (tmp_path / "page.html").write_text("પહેલું {{ word }}", encoding="utf-8")

    def render() -> str:
        environment = Environment(loader=FileSystemLoader(tmp_path), bytecode_cache=cache)
        return environment.get_template("page.html").render(word="ક્લબ")

    assert render() == "પહેલું ક્લબ"
    (tmp_path / "page.html").write_text("બીજું {{ word }}", encoding="utf-8")
    assert render() == "બીજું ક્લબ"


def test_environments_with_different_settings_never_share_compiled_code(tmp_path):
    cache = ProcessBytecodeCache()
    (tmp_path / "list.html").write_text("{% for n in [1, 2] %}\n{{ n }}\n{% endfor %}\n", encoding="utf-8")

    def render(**settings) -> str:
        environment = Environment(loader=FileSystemLoader(tmp_path), bytecode_cache=cache, **settings)
        return environment.get_template("list.html").render()

    assert render(trim_blocks=True) == "1\n2\n"
    assert render() == "\n1\n\n2\n"
    assert render(trim_blocks=True) == "1\n2\n"
