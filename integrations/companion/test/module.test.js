/**
 * The module without a console: its actions are the commands of the API's description (docs/api/openapi.json),
 * its digits and phases are the console's, and with nothing listening it says so in its status.
 */
'use strict'

const { test } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const net = require('node:net')
const path = require('node:path')
const { CompanionHost, ROOT } = require('./companion-host')
const { actionDefinitions, commandsOf } = require('../src/commands')
const { formatSeconds, reading } = require('../src/state')

const DOC = path.resolve(ROOT, '..', '..', 'docs', 'api', 'openapi.json')
const SHIPPED = require('../src/openapi.json')

function apiCommands(description) {
	return Object.entries(description.paths)
		.filter(([p, item]) => p.startsWith('/api/commands/') && item.post)
		.map(([, item]) => item.post.operationId)
}

test("the module's actions are the API's commands in docs/api/openapi.json", { skip: !fs.existsSync(DOC) && 'outside the repository' }, () => {
	const doc = JSON.parse(fs.readFileSync(DOC, 'utf8'))
	const actions = actionDefinitions(SHIPPED, async () => undefined)
	assert.deepEqual(Object.keys(actions).sort(), apiCommands(doc).sort())
	assert.deepEqual(SHIPPED, doc, 'src/openapi.json is stale: run scripts/api_doc.py')
	const message = commandsOf(doc).find((c) => c.name === 'message')
	assert.deepEqual(actions.message.options.map((o) => [o.id, o.type]), message.parameters.map((p) => [p.name, 'textinput']))
})

test('a command added to the description becomes an action, with its body as options', async () => {
	const doc = structuredClone(SHIPPED)
	doc.paths['/api/commands/topic'] = {
		post: {
			summary: 'Show the topic',
			operationId: 'topic',
			requestBody: {
				content: { 'application/json': { schema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] } } },
			},
		},
	}
	const sent = []
	const actions = actionDefinitions(doc, async (name, values) => sent.push([name, values]))
	assert.equal(actions.topic.name, 'Show the topic')
	await actions.topic.callback({ options: { text: 'Was ist Arbeit?' } }, { parseVariablesInString: async (t) => t })
	await actions.next.callback({ options: {} }, {})
	assert.deepEqual(sent, [['topic', { text: 'Was ist Arbeit?' }], ['next', {}]])
})

test('presets only for the commands the console offers', () => {
	const { presetDefinitions } = require('../src/looks')
	const all = presetDefinitions('fishbowl', Object.keys(actionDefinitions(SHIPPED, async () => undefined)))
	assert.ok(all.toggle_timer && all.next && all.speaker)
	assert.equal(all.toggle_timer.style.text, '$(fishbowl:time_left)')
	const fewer = presetDefinitions('fishbowl', ['next'])
	assert.ok(fewer.next && fewer.speaker && fewer.queue) // display-only buttons stay
	assert.equal(fewer.toggle_timer, undefined)
})

test("the digits and phases are the console's", () => {
	assert.deepEqual([120, 61.2, 0.01, 0, -0.5, -61].map(formatSeconds), ['2:00', '1:02', '0:01', '0:00', '+0:00', '+1:01'])
	const state = { mode: 'timer', rem: 31.5, run: true, warn: 30, started: true, speaker: 'Anna', next: 'Ben', queue: 3 }
	let r = reading(state, 0)
	assert.equal(r.variables.time_left, '0:32')
	assert.deepEqual(r.flags, { running: true, paused: false, warning: false, overtime: false, blank: false, offline: false })
	r = reading(state, 2) // counts on between polls while it runs
	assert.equal(r.variables.time_left, '0:30')
	assert.equal(r.variables.phase, 'warning')
	assert.ok(r.flags.warning)
	r = reading(state, 40)
	assert.equal(r.variables.time_left, '+0:08')
	assert.equal(r.variables.time_left_seconds, -8)
	assert.ok(r.flags.overtime && !r.flags.warning)
	r = reading({ ...state, run: false }, 40) // paused: the time stands
	assert.equal(r.variables.time_left, '0:32')
	assert.ok(r.flags.paused && !r.flags.running)
	r = reading({ mode: 'blank', queue: 2 }, 0)
	assert.ok(r.flags.blank)
	assert.equal(r.variables.time_left, '')
	assert.equal(r.variables.queue_length, 2)
	r = reading({ ...state, speaker: '\u2068Şule\u2069', next: 'Als Nächstes: \u2068Ben\u2069 · \u2068עדי\u2069' })
	assert.equal(r.variables.speaker, 'Şule')
	assert.equal(r.variables.next, 'Ben · עדי') // the names, without the projector's isolates or its "Next:"
	assert.equal(r.variables.next_line, 'Als Nächstes: Ben · עדי')
	r = reading(null)
	assert.equal(r.variables.phase, 'offline')
	assert.deepEqual(Object.keys(r.flags).filter((f) => r.flags[f]), ['offline'])
})

test('the address as typed, or pasted from the room window', () => {
	const { consoleAddress } = require('../src/address')
	assert.deepEqual(consoleAddress('192.168.1.20', 8765, 8765), { host: '192.168.1.20', port: 8765 })
	assert.deepEqual(consoleAddress(' 192.168.1.20 ', '9000', 8765), { host: '192.168.1.20', port: 9000 })
	assert.deepEqual(consoleAddress('http://192.168.1.20:8766/api/state', 8765, 8765), { host: '192.168.1.20', port: 8766 })
	assert.deepEqual(consoleAddress('laptop.local:8767', '', 8765), { host: 'laptop.local', port: 8767 })
	assert.deepEqual(consoleAddress('[fe80::1]:8768', 8765, 8765), { host: 'fe80::1', port: 8768 })
	assert.equal(consoleAddress('', 8765, 8765), null)
	assert.equal(consoleAddress('http://', 8765, 8765), null)
})

async function closedPort() {
	const server = net.createServer()
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
	const { port } = server.address()
	await new Promise((resolve) => server.close(resolve))
	return port
}

test('with nothing listening: actions all the same, and a status that says the console does not answer', async () => {
	const host = new CompanionHost()
	try {
		await host.start({ host: '127.0.0.1', port: await closedPort() }, { token: 'some-token' })
		await host.waitFor(() => host.status?.status === 'connection_failure', 'connection_failure')
		assert.match(host.status.message, /does not answer/)
		assert.deepEqual(Object.keys(host.actions).sort(), apiCommands(SHIPPED).sort())
		assert.deepEqual(Object.keys(host.feedbacks).sort(), ['blank', 'offline', 'overtime', 'paused', 'running', 'warning'])
		const variables = host.variableDefinitions.map((v) => v.id)
		for (const v of ['time_left', 'speaker', 'next', 'queue_length']) assert.ok(variables.includes(v), v)
		await host.waitFor(() => host.variables.phase === 'offline', 'phase offline')
		const pressed = await host.press('next')
		assert.equal(pressed.success, false)
	} finally {
		await host.stop()
	}
})

test('without an address or a token the status asks for them', async () => {
	const host = new CompanionHost()
	try {
		await host.start({ host: '', port: 8765 }, { token: '' })
		await host.waitFor(() => host.status?.status === 'bad_config', 'bad_config')
		assert.match(host.status.message, /address/)
		await host.updateConfig({ host: '127.0.0.1', port: 8765 }, { token: '' })
		await host.waitFor(() => /token/.test(host.status?.message ?? ''), 'asks for the token')
	} finally {
		await host.stop()
	}
})
