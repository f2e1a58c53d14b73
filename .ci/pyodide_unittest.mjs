// Run `python -m unittest` under Pyodide, CPython built for WebAssembly.
//
//   node .ci/pyodide_unittest.mjs PYODIDE_PACKAGE PROJECT_DIR [unittest arguments...]
//
// PYODIDE_PACKAGE is an installed npm package (.../node_modules/pyodide).
// The project's files are copied into Pyodide's in-memory file system, into a
// directory that becomes the working directory and sys.path[0], and unittest
// discovers the tests there as `python -m unittest` would.  Its output goes to
// stdout and stderr unchanged.  Exit status: 0 when the suite passes, 1 when it
// fails or the interpreter dies, unittest's own status for bad arguments.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [packageDir, projectDir, ...unittestArgs] = process.argv.slice(2);
if (!packageDir || !projectDir) {
    console.error("usage: node pyodide_unittest.mjs PYODIDE_PACKAGE PROJECT_DIR [unittest arguments...]");
    process.exit(2);
}
const FILES = ["oauth_token.py", "test_oauth_token.py", "README.md"];
const WORKDIR = "/home/pyodide/project";

// Python's writes reach the real file descriptors as they happen (process.stdout
// and process.stderr write synchronously to files and pipes on Linux), so what
// ran before a hang or a crash is on record.
const passThrough = (stream) => ({
    write(bytes) {
        stream.write(Buffer.from(bytes));
        return bytes.length;
    },
});

// Failing to load Pyodide or to read a file ends here with node's own error (status 1).
const { loadPyodide } = await import(pathToFileURL(join(resolve(packageDir), "pyodide.mjs")).href);
const pyodide = await loadPyodide();
pyodide.setStdout(passThrough(process.stdout));
pyodide.setStderr(passThrough(process.stderr));
pyodide.FS.mkdirTree(WORKDIR);
for (const name of FILES) {
    pyodide.FS.writeFile(`${WORKDIR}/${name}`, readFileSync(join(projectDir, name)));
}

// unittest.main(module=None) is what `python -m unittest` calls; exit=False keeps
// the interpreter alive to hand back the verdict, which follows CPython 3.12+
// (a run of no test fails).  Bad arguments make argparse raise SystemExit.
// The runner reports each test as it starts, to name the one that killed the
// interpreter if it dies.
const runUnittest = `
import os, sys, unittest
os.chdir(workdir)
sys.path.insert(0, workdir)
sys.argv = ["python -m unittest", *args]

class Result(unittest.TextTestResult):
    def startTest(self, test):
        starting(test.id())
        super().startTest(test)

class Runner(unittest.TextTestRunner):
    resultclass = Result

try:
    result = unittest.main(module=None, argv=sys.argv, testRunner=Runner, exit=False).result
    status = 0 if result.wasSuccessful() and (result.testsRun or result.skipped) else 1
except SystemExit as exit:
    status = exit.code if isinstance(exit.code, int) else 2
status
`;
let current = "test discovery";
let status;
try {
    status = pyodide.runPython(runUnittest, {
        globals: pyodide.toPy({ workdir: WORKDIR, args: unittestArgs, starting: (id) => (current = id) }),
    });
} catch (error) {
    // An exception that escaped unittest, or the death of the interpreter itself
    // (Pyodide has printed its cause and the Python stack), e.g. a JavaScript
    // stack overflow: "RangeError: Maximum call stack size exceeded".
    const cause = error?.type ? String(error.message).trim().split("\n").pop() : String(error);
    console.error(`\nthe interpreter died during ${current}: ${cause}`);
    status = 1;
}
process.exit(status);
