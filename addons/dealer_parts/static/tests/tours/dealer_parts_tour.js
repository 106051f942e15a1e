import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("dealer_parts_receipt_tour", {
    steps: () => [
        {
            content: "The buyer records the first inspection",
            trigger: ".o_form_view button[name='action_dealer_inspect_buyer']",
            run: "click",
        },
        {
            content: "The keeper records the second inspection with the planner",
            trigger: ".o_form_view button[name='action_dealer_inspect_keeper']",
            run: "click",
        },
        {
            content: "Validate the counted quantity",
            trigger: ".o_form_view .o_statusbar_buttons button[name='button_validate']:visible",
            run: "click",
        },
        {
            content: "The goods receipt is numbered at validation",
            trigger: ".o_form_view .o_field_widget[name='dealer_number']:contains('GR')",
        },
    ],
});

// the parts clerk takes the old part back before issuing the new one
registry.category("web_tour.tours").add("dealer_parts_requisition_tour", {
    steps: () => [
        {
            content: "The technician hands in the old part",
            trigger: ".o_form_view button[name='action_dealer_book_old_parts']",
            run: "click",
        },
        {
            content: "The old part is booked in: nothing is due any more",
            trigger: ".o_form_view .o_statusbar_buttons:not(:has(button[name='action_dealer_book_old_parts']))",
        },
        {
            content: "The clerk cannot sign for the settlement desk",
            trigger: ".o_form_view .o_statusbar_buttons:not(:has(button[name='action_dealer_sign_settlement']))",
        },
    ],
});

// the settlement clerk (a service advisor) signs the requisition
registry.category("web_tour.tours").add("dealer_parts_settlement_tour", {
    steps: () => [
        {
            content: "The settlement clerk signs the requisition",
            trigger: ".o_form_view button[name='action_dealer_sign_settlement']",
            run: "click",
        },
        {
            content: "Signed",
            trigger: ".o_form_view .o_statusbar_buttons:not(:has(button[name='action_dealer_sign_settlement']))",
        },
    ],
});

// the parts clerk issues the new part
registry.category("web_tour.tours").add("dealer_parts_issue_tour", {
    steps: () => [
        {
            content: "Issue the new part",
            trigger: ".o_form_view .o_statusbar_buttons button[name='button_validate']:visible",
            run: "click",
        },
        {
            content: "The requisition is numbered at validation",
            trigger: ".o_form_view .o_field_widget[name='dealer_number']:contains('RQ')",
        },
    ],
});
