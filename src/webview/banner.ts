/**
 * The banner above the map: what is wrong with the text (it agrees with the Problems panel for
 * the version drawn), or news such as a stopped language server. A banner about a place in the
 * text reveals it on a click or Enter.
 */
import type { SourceRange } from '../model/view-model.js';

export interface BannerTarget { range: SourceRange; uri?: string }

export class Banner {
    readonly element = document.createElement('div');
    private target: BannerTarget | undefined;

    constructor(private readonly reveal: (target: BannerTarget) => void) {
        this.element.className = 'banner';
        this.element.hidden = true;
        this.element.setAttribute('role', 'status');
        this.element.addEventListener('click', () => this.activate());
        this.element.addEventListener('keydown', event => {
            if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                this.activate();
            }
        });
    }

    get visible(): boolean {
        return !this.element.hidden;
    }

    show(message: string, kind: 'info' | 'error', target?: BannerTarget): void {
        this.element.textContent = message;
        this.element.className = `banner banner-${kind}${target ? ' banner-link' : ''}`;
        this.element.tabIndex = target ? 0 : -1;
        this.element.title = target ? 'Show in the editor' : '';
        this.target = target;
        this.element.hidden = false;
    }

    hide(): void {
        this.element.hidden = true;
        this.target = undefined;
    }

    private activate(): void {
        if (this.target) this.reveal(this.target);
    }
}
