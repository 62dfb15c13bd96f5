'use strict';

const { ChoiceFactory, ChoicePrompt, ComponentDialog, DialogSet, DialogTurnStatus, WaterfallDialog } = require('botbuilder-dialogs');
const { PrefectureDialog } = require('./prefectureDialog');
const { QUESTIONS, RETRY_PROMPT, UNKNOWN } = require('./questions');

const CHOICE_PROMPT = 'choicePrompt';
const DIAGNOSIS = 'diagnosisWaterfall';
const PREFECTURE_DIALOG = 'prefectureDialog';

/**
 * The diagnosis: one ChoicePrompt per question in a WaterfallDialog, the answers in the dialog's values, a summary at
 * the end, the finished diagnosis kept in the user's profile.
 */
class DiagnosisDialog extends ComponentDialog {
    constructor(userState) {
        super('diagnosisDialog');
        this.profile = userState.createProperty('profile');

        this.addDialog(new ChoicePrompt(CHOICE_PROMPT, undefined, 'ja-jp'));
        this.addDialog(new PrefectureDialog(PREFECTURE_DIALOG));
        this.addDialog(new WaterfallDialog(DIAGNOSIS, [
            ...QUESTIONS.map((question, index) => step => this.ask(step, question, index)),
            step => this.summarize(step),
        ]));
        this.initialDialogId = DIAGNOSIS;
    }

    /** Runs the dialog from the bot's message handler: continues the question asked, or starts over. */
    async run(context, dialogState) {
        const dialogSet = new DialogSet(dialogState);
        dialogSet.add(this);
        const dialogContext = await dialogSet.createContext(context);
        const results = await dialogContext.continueDialog();
        if (results.status === DialogTurnStatus.empty) {
            await dialogContext.beginDialog(this.id);
        }
    }

    async ask(step, question, index) {
        this.record(step);
        const prompt = `【${index + 1}/${QUESTIONS.length}】${question.prompt}`;
        if (question.regions) {
            return step.beginDialog(PREFECTURE_DIALOG, { prompt });
        }
        return step.prompt(CHOICE_PROMPT, {
            prompt,
            retryPrompt: RETRY_PROMPT,
            choices: ChoiceFactory.toChoices([...question.choices, UNKNOWN]),
        });
    }

    async summarize(step) {
        this.record(step);
        const answers = step.values.answers;
        const unknown = answers.filter(a => a.answer === UNKNOWN).length;
        const lines = answers.map(a => `・${a.topic}：${a.answer}`);
        await step.context.sendActivity(
            `ご回答ありがとうございました。診断の結果です。\n\n【診断結果】${answers.length}問のうち「${UNKNOWN}」は${unknown}問でした。\n\n${lines.join('\n')}`);
        const profile = await this.profile.get(step.context, { diagnoses: [] });
        profile.diagnoses.push({ completedAt: new Date().toISOString(), answers });
        return step.endDialog();
    }

    /** Keeps the answer to the previous question, if this step follows one (a choice, or the prefecture dialog's result). */
    record(step) {
        step.values.answers = step.values.answers || [];
        if (step.result) {
            const answer = typeof step.result === 'string' ? step.result : step.result.value;
            step.values.answers.push({ topic: QUESTIONS[step.values.answers.length].topic, answer });
        }
    }
}

module.exports.DiagnosisDialog = DiagnosisDialog;
