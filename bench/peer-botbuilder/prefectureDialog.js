'use strict';

const { ChoiceFactory, ChoicePrompt, ComponentDialog, WaterfallDialog } = require('botbuilder-dialogs');
const { BACK_TO_REGIONS, REGIONS, RETRY_PROMPT, UNKNOWN } = require('./questions');

const CHOICE_PROMPT = 'prefectureChoicePrompt';
const REGION_THEN_PREFECTURE = 'regionThenPrefecture';

/** The region, then one of its prefectures; 「地方を選び直す」 asks the region again. Ends with the prefecture. */
class PrefectureDialog extends ComponentDialog {
    constructor(id) {
        super(id);
        this.addDialog(new ChoicePrompt(CHOICE_PROMPT, undefined, 'ja-jp'));
        this.addDialog(new WaterfallDialog(REGION_THEN_PREFECTURE, [
            step => step.prompt(CHOICE_PROMPT, {
                prompt: step.options.prompt,
                retryPrompt: RETRY_PROMPT,
                choices: ChoiceFactory.toChoices([...Object.keys(REGIONS), UNKNOWN]),
            }),
            step => {
                const region = step.result.value;
                if (region === UNKNOWN) {
                    return step.endDialog(UNKNOWN);
                }
                return step.prompt(CHOICE_PROMPT, {
                    prompt: `「${region}」のどちらですか？`,
                    retryPrompt: RETRY_PROMPT,
                    choices: ChoiceFactory.toChoices([...REGIONS[region], BACK_TO_REGIONS, UNKNOWN]),
                });
            },
            step => step.result.value === BACK_TO_REGIONS
                ? step.replaceDialog(REGION_THEN_PREFECTURE, step.options)
                : step.endDialog(step.result.value),
        ]));
        this.initialDialogId = REGION_THEN_PREFECTURE;
    }
}

module.exports.PrefectureDialog = PrefectureDialog;
