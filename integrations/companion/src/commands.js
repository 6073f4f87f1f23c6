/**
 * The module's actions, read from the console's OpenAPI description rather than listed here, so that a command
 * added once to the console's table (src/fishbowl_desktop/commands.py) appears as an action too: from the
 * description shipped with the module (src/openapi.json, a copy of docs/api/openapi.json that
 * scripts/api_doc.py writes) until the console answers, then from the one it serves.
 *
 * Each `POST /api/commands/{name}` is one action named by its summary; the properties of its JSON body are the
 * action's options (text fields take Companion variables).
 */
'use strict'

const COMMAND_PATH = /^\/api\/commands\/([A-Za-z0-9_]+)$/

/**
 * The desk's commands in a description, in its order.
 * @param {any} description an OpenAPI document
 * @returns {{name: string, summary: string, parameters: {name: string, type: string, required: boolean}[]}[]}
 */
function commandsOf(description) {
	const commands = []
	for (const [path, item] of Object.entries(description?.paths ?? {})) {
		const match = COMMAND_PATH.exec(path)
		const post = item?.post
		if (!match || !post) continue
		const schema = post.requestBody?.content?.['application/json']?.schema ?? {}
		const required = new Set(schema.required ?? [])
		const parameters = Object.entries(schema.properties ?? {}).map(([name, property]) => ({
			name,
			type: property?.type ?? 'string',
			required: required.has(name),
		}))
		commands.push({ name: match[1], summary: post.summary || match[1], parameters })
	}
	return commands
}

function label(name) {
	return name.charAt(0).toUpperCase() + name.slice(1).replace(/_/g, ' ')
}

function optionFor(parameter) {
	const common = { id: parameter.name, label: label(parameter.name) }
	if (parameter.type === 'number' || parameter.type === 'integer') {
		return { ...common, type: 'number', default: 0, min: -100000, max: 100000 }
	}
	if (parameter.type === 'boolean') return { ...common, type: 'checkbox', default: false }
	const tooltip = parameter.name === 'text' ? 'Empty clears it. Variables like $(fishbowl:speaker) work.' : undefined
	return { ...common, type: 'textinput', default: '', useVariables: true, ...(tooltip ? { tooltip } : {}) }
}

/**
 * Companion action definitions for the commands of `description`.
 * @param {any} description an OpenAPI document
 * @param {(name: string, values: Record<string, unknown>) => Promise<void>} run sends one command
 */
function actionDefinitions(description, run) {
	const actions = {}
	for (const command of commandsOf(description)) {
		actions[command.name] = {
			name: command.summary,
			options: command.parameters.map(optionFor),
			callback: async (event, context) => {
				const values = {}
				for (const parameter of command.parameters) {
					let value = event.options[parameter.name]
					if (typeof value === 'string' && context?.parseVariablesInString) {
						value = await context.parseVariablesInString(value)
					}
					values[parameter.name] = value ?? ''
				}
				await run(command.name, values)
			},
		}
	}
	return actions
}

module.exports = { commandsOf, actionDefinitions }
