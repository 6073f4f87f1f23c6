/**
 * Plays Companion's side of a module's IPC (the "nodejs-ipc" host API of @companion-module/base): starts the
 * module's entrypoint as Companion does (a forked Node process with MODULE_MANIFEST, CONNECTION_ID and
 * VERIFICATION_TOKEN), accepts its registration, initialises it with a config, and records what it sends
 * (status, action/feedback/variable definitions, variable and feedback values). The tests then press "keys"
 * (executeAction) and subscribe feedbacks as a button would.
 *
 * Only what these tests need of the protocol; it is no Companion, and what Companion's UI does with the
 * definitions is not checked here.
 */
'use strict'

const { fork } = require('node:child_process')
const path = require('node:path')

const ROOT = path.resolve(__dirname, '..')

class CompanionHost {
	/**
	 * @param {{entrypoint?: string, manifest?: string, label?: string}} [where] the built package's files, or the folder's
	 */
	constructor({
		entrypoint = path.join(ROOT, 'src', 'main.js'),
		manifest = path.join(ROOT, 'companion', 'manifest.json'),
		label = 'fishbowl',
	} = {}) {
		this.entrypoint = entrypoint
		this.manifest = manifest
		this.label = label
		this.status = null
		this.statuses = []
		this.actions = {}
		this.feedbacks = {}
		this.presets = {}
		this.variables = {}
		this.variableDefinitions = []
		this.feedbackValues = {}
		this.logs = []
		this.registered = false
		this.output = ''
		this.nextId = 1
		this.pending = new Map()
	}

	/** Starts the module and initialises it; resolves when its init returned. */
	async start(config, secrets) {
		this.child = fork(this.entrypoint, [], {
			env: {
				...process.env,
				MODULE_MANIFEST: this.manifest,
				CONNECTION_ID: 'fishbowl-test',
				VERIFICATION_TOKEN: 'test-verification',
			},
			stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
		})
		this.child.stdout.on('data', (d) => (this.output += d))
		this.child.stderr.on('data', (d) => (this.output += d))
		this.exited = new Promise((resolve) => this.child.once('exit', resolve))
		this.child.on('message', (msg) => this.#received(msg))
		await this.waitFor(() => this.registered, 'the module registers')
		return this.call('init', {
			label: this.label,
			isFirstInit: false,
			config,
			secrets,
			lastUpgradeIndex: -1,
			feedbacks: {},
			actions: {},
		})
	}

	/** Config changed in Companion's UI. */
	updateConfig(config, secrets) {
		return this.call('updateConfigAndLabel', { label: this.label, config, secrets })
	}

	/**
	 * A key pressed: the action with these options; resolves to {success, errorMessage} (base 1.14 answers so;
	 * base 1.13 answers nothing on success and an error otherwise).
	 */
	async press(actionId, options = {}) {
		const id = `action-${this.nextId++}`
		try {
			const answer = await this.call('executeAction', {
				action: { id, controlId: 'bank:1:1', actionId, options, upgradeIndex: null, disabled: false },
				surfaceId: undefined,
			})
			return answer ?? { success: true, errorMessage: undefined }
		} catch (error) {
			return { success: false, errorMessage: error?.message ?? String(error) }
		}
	}

	/** Buttons that show these feedbacks (one each); their values arrive in feedbackValues[feedbackId]. */
	subscribe(...feedbackIds) {
		const feedbacks = {}
		for (const feedbackId of feedbackIds) {
			feedbacks[feedbackId] = {
				id: feedbackId,
				controlId: `bank:1:${feedbackId}`,
				feedbackId,
				options: {},
				isInverted: false,
				upgradeIndex: null,
				disabled: false,
			}
		}
		return this.call('updateFeedbacks', { feedbacks })
	}

	async stop() {
		if (!this.child) return
		if (this.child.exitCode === null) {
			await this.call('destroy', {}).catch(() => undefined)
			this.child.kill()
		}
		await this.exited
	}

	call(name, payload) {
		const callbackId = this.nextId++
		return new Promise((resolve, reject) => {
			this.pending.set(callbackId, { resolve, reject })
			this.child.send({ direction: 'call', name, payload: JSON.stringify(payload), callbackId })
		})
	}

	/** Waits until `condition()` holds (checked every 20 ms); fails after `timeoutMs` saying what it waited for. */
	async waitFor(condition, what, timeoutMs = 30000) {
		const until = Date.now() + timeoutMs
		while (!condition()) {
			if (Date.now() > until) {
				throw new Error(`waited ${timeoutMs} ms for: ${what}; status ${JSON.stringify(this.status)}; output:\n${this.output}`)
			}
			await new Promise((r) => setTimeout(r, 20))
		}
	}

	#received(msg) {
		if (msg.direction === 'response') {
			const waiting = this.pending.get(msg.callbackId)
			this.pending.delete(msg.callbackId)
			const data = msg.payload ? JSON.parse(msg.payload) : undefined
			if (!waiting) return
			if (msg.success) waiting.resolve(data)
			else waiting.reject(data && typeof data === 'object' && 'message' in data ? new Error(data.message) : data)
			return
		}
		const data = msg.payload ? JSON.parse(msg.payload) : undefined
		const answer = (success, payload) => {
			if (msg.callbackId) {
				this.child.send({ direction: 'response', callbackId: msg.callbackId, success, payload: JSON.stringify(payload) })
			}
		}
		switch (msg.name) {
			case 'register':
				this.registered = true
				answer(true, {})
				return
			case 'parseVariablesInString': {
				const text = data.text.replace(/\$\(([^:)]+):([^)]+)\)/g, (_m, label, id) =>
					label === this.label ? String(this.variables[id] ?? '') : '',
				)
				answer(true, { text, variableIds: [] })
				return
			}
			case 'set-status':
				this.status = data
				this.statuses.push(data)
				break
			case 'setActionDefinitions':
				this.actions = Object.fromEntries(data.actions.map((a) => [a.id, a]))
				break
			case 'setFeedbackDefinitions':
				this.feedbacks = Object.fromEntries(data.feedbacks.map((f) => [f.id, f]))
				break
			case 'setPresetDefinitions':
				this.presets = data.presets
				break
			case 'setVariableDefinitions':
				this.variableDefinitions = data.variables
				for (const { id, value } of data.newValues ?? []) this.variables[id] = value
				break
			case 'setVariableValues':
				for (const { id, value } of data.newValues) this.variables[id] = value
				break
			case 'updateFeedbackValues':
				for (const { id, value } of data.values) this.feedbackValues[id] = value
				break
			case 'log-message':
				this.logs.push(data)
				break
			default:
				break
		}
		answer(true, undefined)
	}
}

module.exports = { CompanionHost, ROOT }
