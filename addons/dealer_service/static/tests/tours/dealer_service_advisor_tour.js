import { registry } from "@web/core/registry";

const currentState = (label) => ({
    content: `The order is ${label}`,
    trigger: `.o_form_view .o_statusbar_status .o_arrow_button_current:contains('${label}')`,
});

registry.category("web_tour.tours").add("dealer_service_advisor_tour", {
    steps: () => [
        // reception: the walk-around check was recorded, the SA checks the vehicle in
        currentState("Draft"),
        {
            content: "Check the vehicle in",
            trigger: ".o_form_view button[name='action_check_in']",
            run: "click",
        },
        currentState("Checked In"),
        // work order: add a labour line from the catalogue
        {
            content: "Open the lines",
            trigger: ".o_notebook_headers a[name='lines']",
            run: "click",
        },
        {
            content: "Add a line",
            trigger: ".o_field_widget[name='line_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Choose the labour operation",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row .o_field_widget[name='labour_operation_id'] input",
            run: "edit Brake inspection",
        },
        {
            content: "Pick it in the catalogue",
            trigger: ".ui-menu-item > a:contains('Brake inspection')",
            run: "click",
        },
        {
            content: "Save the order",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
        // the customer signed: approve
        {
            content: "The customer approves the work order",
            trigger: ".o_form_view button[name='action_approve']",
            run: "click",
        },
        currentState("Approved"),
        // dispatch to the workshop: the technician reserved by the appointment gets the job
        {
            content: "Dispatch the jobs",
            trigger: ".o_form_view button[name='action_dispatch_jobs']",
            run: "click",
        },
        {
            content: "The job is dispatched to the reserved technician",
            trigger: ".o_list_view .o_data_row td[name='technician_id']:contains('Tour Technician')",
        },
        {
            content: "Clock on",
            trigger: ".o_list_view .o_data_row button[name='action_clock_on']",
            run: "click",
        },
        {
            content: "Job done",
            trigger: ".o_list_view .o_data_row button[name='action_done']",
            run: "click",
        },
        {
            content: "The job is done",
            trigger: ".o_list_view .o_data_row td[name='state']:contains('Done')",
        },
        {
            content: "Back to the order",
            trigger: ".o_breadcrumb .breadcrumb-item:not(.active):last a",
            run: "click",
        },
        currentState("In Progress"),
        // quality check: final inspection
        {
            content: "Send the vehicle to quality check",
            trigger: ".o_form_view button[name='action_request_quality_check']",
            run: "click",
        },
        currentState("Quality Check"),
        {
            content: "Sign the final inspection",
            trigger: ".o_form_view button[name='action_new_quality_check']",
            run: "click",
        },
        {
            content: "Save the signed final inspection",
            trigger: ".modal-footer .o_form_button_save",
            run: "click",
        },
        {
            content: "Ready for delivery",
            trigger: "body:not(:has(.o_dialog)) .o_form_view button[name='action_mark_ready']",
            run: "click",
        },
        currentState("Ready"),
        // delivery checklist and delivery
        {
            content: "Open the delivery checklist",
            trigger: ".o_notebook_headers a[name='delivery']",
            run: "click",
        },
        ...["delivery_washed", "delivery_walkround", "delivery_charges_explained", "delivery_old_parts"].map(
            (name) => ({
                content: `Tick ${name}`,
                trigger: `.o_field_widget[name='${name}'] input`,
                run: "click",
            })
        ),
        {
            content: "Deliver",
            trigger: ".o_form_view button[name='action_deliver']",
            run: "click",
        },
        currentState("Delivered"),
        // settlement
        {
            content: "Invoice the customer",
            trigger: ".o_form_view button[name='action_create_invoices']",
            run: "click",
        },
        {
            content: "The customer invoice is posted",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains('Posted')",
        },
    ],
});
