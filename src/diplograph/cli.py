"""Command line: ``diplograph <command>``.

Commands are loaded lazily (click's documented LazyGroup pattern), so ``diplograph query``
never imports spaCy and ``diplograph --help`` imports nothing heavy. Every command lives
in a module of :mod:`diplograph.commands`. Errors become one line on stderr and an exit
code (0 ok, 1 findings, 2 usage, 3 input/runtime); ``-v`` shows the traceback.

Commands find their project (``diplograph.toml``) upwards from the current folder, or in
``--project DIR`` (see :mod:`diplograph.project`). A reader that closes the pipe early
(``diplograph queries | head -1``) ends the output quietly: the command runs to its end with
stdout discarded, so its exit code is still what its result says.
"""

from __future__ import annotations

import importlib
import os
import sys
import traceback
import warnings
from typing import Any

import click

from diplograph.errors import EXIT_INPUT, DiplographError, DiplographWarning

_python_showwarning = warnings.showwarning

# command name -> "module:attribute" inside diplograph.commands
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("project", "Make a project folder: corpus/, graph/, diplograph.toml."),
    "build": ("build", "Extract every corpus document into graph/ (validated)."),
    "extract": ("build", "Extract one document and print its Turtle on stdout."),
    "merge": ("build", "Merge the graph folders of sharded builds (build --shard K/N)."),
    "validate": ("rdf", "SHACL-validate RDF files (graph/ by default)."),
    "reason": ("rdf", "OWL RL closure: write the inferred triples only."),
    "export": ("rdf", "Export the graph as ttl, nt, nq, trig, jsonld or xml."),
    "stats": ("rdf", "Count triples per class and per named graph."),
    "queries": ("query", "List the stored SPARQL queries."),
    "query": ("query", "Run a stored query (or a .rq file)."),
    "verify": ("query", "Run the check queries: any row is a failure."),
    "evaluate": ("evaluate", "Precision/recall/F1 against tests/gold."),
    "serve": ("serve", "Serve the graph as a SPARQL 1.1 endpoint."),
    "push": ("serve", "Push named graphs to a Graph Store Protocol server."),
    "docs": ("pictures", "Generate HTML documentation of the ontology."),
    "draw": ("pictures", "Draw one event as a picture (SVG/PNG)."),
    "timeline": ("pictures", "Draw the dated events on a time axis."),
}


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module_name, help_text = COMMANDS[cmd_name]
        try:
            module = importlib.import_module(f"diplograph.commands.{module_name}")
            command = getattr(module, cmd_name.replace("-", "_") + "_command")
        except (ImportError, AttributeError):
            return _unavailable(cmd_name, help_text)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Help from the table, so `--help` does not import every command module.
        with formatter.section("Commands"):
            formatter.write_dl([(name, COMMANDS[name][1]) for name in sorted(COMMANDS)])

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except DiplographError as exc:
            _report(ctx, exc, exc.exit_code)
        except BrokenPipeError:  # a write that went around QuietStdout: end quietly
            _discard_stdout()
            ctx.exit(0)
        except KeyboardInterrupt:
            click.echo("diplograph: interrupted", err=True)
            ctx.exit(130)
        except Exception as exc:  # noqa: BLE001 - last line of defence: one line, exit 3
            _report(ctx, exc, EXIT_INPUT, prefix=f"{type(exc).__name__}: ")


def _report(ctx: click.Context, exc: BaseException, code: int, prefix: str = "") -> None:
    if ctx.obj and ctx.obj.get("verbose"):
        traceback.print_exception(exc, file=sys.stderr)
    message = " ".join(str(exc).split()) or type(exc).__name__
    click.echo(f"diplograph: error: {prefix}{message}", err=True)
    ctx.exit(code)


def _unavailable(name: str, help_text: str) -> click.Command:
    @click.command(name, help=help_text, context_settings={"ignore_unknown_options": True})
    @click.argument("args", nargs=-1, type=click.UNPROCESSED)
    def command(args: tuple[str, ...]) -> None:
        raise DiplographError(f"command {name!r} is not available in this installation")

    return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", is_flag=True, help="Show tracebacks and debug messages.")
@click.option("--project", metavar="DIR",
              help="The project folder (holding diplograph.toml); default: found from the current "
                   "folder upwards.")
@click.version_option(package_name="diplograph", prog_name="diplograph")
@click.pass_context
def cli(ctx: click.Context, verbose: bool, project: str | None) -> None:
    """diplograph: French diplomatic news -> grounded OWL/RDF knowledge graph.

    Start a project of your own with `diplograph init DIR`; commands run anywhere inside it.
    """
    ctx.ensure_object(dict)
    ctx.obj["verbose"] = verbose
    warnings.showwarning = _show_warning
    if project is not None:  # here, not in a click callback: its error is then one line, exit 2
        from diplograph.project import use_project

        use_project(project)


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                  file: Any = None, line: str | None = None) -> None:
    """Our warnings are one line for the user; other libraries' warnings keep Python's format."""
    if issubclass(category, DiplographWarning):
        click.echo(f"diplograph: warning: {message}", err=True)
    else:
        _python_showwarning(message, category, filename, lineno, file, line)


class QuietStdout:
    """sys.stdout that turns into /dev/null when its reader goes away (EPIPE), instead of failing.

    Why not exit at once: `verify | head -1` must still exit 1 when a check fails, so the
    command runs on and only its output is dropped.
    """

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: Any) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            _discard_stdout()
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            _discard_stdout()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _discard_stdout() -> None:
    """Point file descriptor 1 at /dev/null (whatever is still buffered goes there too)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno() if sys.__stdout__ else 1)
        os.close(devnull)
    except (OSError, ValueError):
        pass


def main() -> None:
    """Console-script entry point."""
    if sys.stdout is not None and not isinstance(sys.stdout, QuietStdout):
        sys.stdout = QuietStdout(sys.stdout)
    try:
        cli(prog_name="diplograph")
    finally:
        # The command is done: spare the interpreter's final garbage collections a walk over
        # every object still alive (spaCy's model, vocabularies): ~0.6 s of CPU after a build.
        import gc

        gc.freeze()


if __name__ == "__main__":
    main()
