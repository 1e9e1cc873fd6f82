/**
 * The commands behind the "Get started with journey maps" walkthrough: a new journey from a template,
 * and the vacuum-cleaner example. Both open as untitled documents that stand alone (their personas
 * included), so they validate and preview without a workspace and nothing in the extension is edited.
 */
import * as vscode from 'vscode';

const TEMPLATE = `// A journey map: stages in order, touchpoints in each, and how the persona feels at each one.
persona Customer "Our customer" {
    goal "What they want to achieve"
    pain "What frustrates them today"
}

journey MyJourney "Title of the journey" {
    kind current-state
    goal "What we want to learn from this map"
    owner "Team or person"
    personas Customer

    stage Awareness {
        touchpoint FirstContact "Where they first meet us" {
            channel web
            does "What the customer does"
            thinks "What they think"
            feels "How it feels"
            emotion 0
        }
    }

    stage Purchase {
        touchpoint Checkout "How they buy" {
            channel web
            does "What the customer does"
            emotion 0
            pain SlowCheckout "What gets in the way"
        }
    }

    opportunity FasterCheckout "How it could be better" {
        impact high
        effort medium
        addresses SlowCheckout
    }

    action ShortenCheckout "What we will do" {
        owner "Team or person"
        for FasterCheckout
    }
}
`;

export function registerGettingStarted(context: vscode.ExtensionContext): void {
    context.subscriptions.push(
        vscode.commands.registerCommand('journey.newJourney', () => openUntitled(TEMPLATE)),
        vscode.commands.registerCommand('journey.openExample', async () => {
            const read = async (name: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'examples', name)));
            const [personas, journey] = await Promise.all([read('personas.journey'), read('vacuum-current.journey')]);
            await openUntitled(`${journey.trimEnd()}\n\n// The personas, from examples/personas.journey, so this example stands alone.\n${personas}`);
        })
    );
}

async function openUntitled(content: string): Promise<void> {
    const document = await vscode.workspace.openTextDocument({ language: 'journey', content });
    await vscode.window.showTextDocument(document, { preview: false });
}
