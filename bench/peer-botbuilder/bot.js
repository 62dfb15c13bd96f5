'use strict';

const { ActivityHandler, CardFactory, MessageFactory } = require('botbuilder');

const START = '診断を始める';

/**
 * Welcomes the owner when the bot is added (Teams sends conversationUpdate with the bot among membersAdded) and runs
 * the diagnosis dialog on every message; state is saved after each turn.
 */
class DiagnosisBot extends ActivityHandler {
    constructor(conversationState, userState, dialog) {
        super();
        this.conversationState = conversationState;
        this.userState = userState;
        this.dialog = dialog;
        this.dialogState = conversationState.createProperty('DialogState');

        this.onMembersAdded(async (context, next) => {
            const botAdded = context.activity.membersAdded.some(member => member.id === context.activity.recipient.id);
            if (botAdded) {
                const card = CardFactory.heroCard(
                    'まもり（比較用）',
                    '中小企業のセキュリティ対策を、いくつかの質問で診断します。',
                    [],
                    [{ type: 'imBack', title: START, value: START }]);
                await context.sendActivity(MessageFactory.attachment(card));
            }
            await next();
        });

        this.onMessage(async (context, next) => {
            await this.dialog.run(context, this.dialogState);
            await next();
        });

        this.onDialog(async (context, next) => {
            await this.conversationState.saveChanges(context, false);
            await this.userState.saveChanges(context, false);
            await next();
        });
    }
}

module.exports.DiagnosisBot = DiagnosisBot;
