/**
 * The package Companion loads: `companion-module-check` accepts the folder, `companion-module-build` makes the
 * .tgz that Companion's "Import module package" takes, and the bundled module in it starts under Companion's
 * IPC, registers and defines its actions, feedbacks and variables without this folder's node_modules.
 */
'use strict'

const { test } = require('node:test')
const assert = require('node:assert/strict')
const { execFileSync } = require('node:child_process')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { CompanionHost, ROOT } = require('./companion-host')
const { actionDefinitions } = require('../src/commands')

const BIN = path.join(ROOT, 'node_modules', '.bin')
const tools = fs.existsSync(path.join(BIN, 'companion-module-build'))
const skip = !tools && "@companion-module/tools is missing (npm ci installs it; 'npm ci --omit=dev' does not)"

test('the folder passes companion-module-check and builds the package Companion imports', { skip, timeout: 300000 }, async () => {
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
	const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'companion', 'manifest.json'), 'utf8'))
	assert.equal(manifest.version, pkg.version, 'companion/manifest.json and package.json name one version')
	execFileSync(path.join(BIN, 'companion-module-check'), { cwd: ROOT, stdio: 'pipe', timeout: 120000 })
	const tgz = path.join(ROOT, `${pkg.name}-${pkg.version}.tgz`)
	fs.rmSync(tgz, { force: true })
	execFileSync(path.join(BIN, 'companion-module-build'), { cwd: ROOT, stdio: 'pipe', timeout: 240000 })
	assert.ok(fs.existsSync(tgz), `${path.basename(tgz)} was built`)

	const unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'fishbowl-companion-'))
	try {
		execFileSync('tar', ['xzf', tgz, '-C', unpacked])
		const files = fs.readdirSync(path.join(unpacked, 'pkg'), { recursive: true }).map(String).sort()
		for (const f of ['main.js', 'package.json', path.join('companion', 'manifest.json'), path.join('companion', 'HELP.md')]) {
			assert.ok(files.includes(f), `${f} in the package (${files.join(', ')})`)
		}
		const built = JSON.parse(fs.readFileSync(path.join(unpacked, 'pkg', 'companion', 'manifest.json'), 'utf8'))
		assert.equal(built.id, 'fishbowl-desktop')
		assert.match(built.runtime.apiVersion, /^1\.\d+\.\d+$/)

		const host = new CompanionHost({
			entrypoint: path.join(unpacked, 'pkg', 'main.js'),
			manifest: path.join(unpacked, 'pkg', 'companion', 'manifest.json'),
		})
		try {
			await host.start({ host: '127.0.0.1', port: 9 }, { token: 'some-token' })
			await host.waitFor(() => Object.keys(host.actions).length > 0, 'actions from the bundle')
			const shipped = Object.keys(actionDefinitions(require('../src/openapi.json'), async () => undefined))
			assert.deepEqual(Object.keys(host.actions).sort(), shipped.sort())
			assert.ok(Object.keys(host.feedbacks).includes('overtime'))
			assert.ok(host.variableDefinitions.some((v) => v.id === 'time_left'))
			assert.ok(Object.keys(host.presets).length > 0)
			await host.waitFor(() => host.status?.status === 'connection_failure', 'its status')
		} finally {
			await host.stop()
		}
	} finally {
		fs.rmSync(unpacked, { recursive: true, force: true })
	}
})
