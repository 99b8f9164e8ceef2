"""Domain tables: every syncable record kind, the outbox and profile settings.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "lookfor_set",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column(
            "visibility",
            sa.Enum(
                "private",
                "teacher",
                "team",
                name="visibility",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lookfor_set")),
    )
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("record_kind", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("op", sa.String(length=10), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_outbox")),
        sa.UniqueConstraint("op_id", name=op.f("uq_outbox_op_id")),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbox_record_id"), ["record_id"], unique=False)

    op.create_table(
        "profile_setting",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_profile_setting")),
    )
    op.create_table(
        "school",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column(
            "visibility",
            sa.Enum(
                "private",
                "teacher",
                "team",
                name="visibility",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school")),
    )
    op.create_table(
        "lookfor",
        sa.Column("set_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("category", sa.String(length=120), nullable=True),
        sa.Column("hotkey", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column(
            "visibility",
            sa.Enum(
                "private",
                "teacher",
                "team",
                name="visibility",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.CheckConstraint(
            "hotkey IS NULL OR hotkey BETWEEN 1 AND 9", name=op.f("ck_lookfor_hotkey")
        ),
        sa.ForeignKeyConstraint(
            ["set_id"], ["lookfor_set.id"], name=op.f("fk_lookfor_set_id_lookfor_set")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lookfor")),
    )
    with op.batch_alter_table("lookfor", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lookfor_set_id"), ["set_id"], unique=False)

    op.create_table(
        "teacher",
        sa.Column("school_id", sa.String(length=36), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column(
            "visibility",
            sa.Enum(
                "private",
                "teacher",
                "team",
                name="visibility",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["school_id"], ["school.id"], name=op.f("fk_teacher_school_id_school")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teacher")),
    )
    with op.batch_alter_table("teacher", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_teacher_school_id"), ["school_id"], unique=False)

    op.create_table(
        "walk",
        sa.Column("school_id", sa.String(length=36), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("focus", sa.Text(), nullable=True),
        sa.Column("lookfor_set_id", sa.String(length=36), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column(
            "visibility",
            sa.Enum(
                "private",
                "teacher",
                "team",
                name="visibility",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["lookfor_set_id"], ["lookfor_set.id"], name=op.f("fk_walk_lookfor_set_id_lookfor_set")
        ),
        sa.ForeignKeyConstraint(
            ["school_id"], ["school.id"], name=op.f("fk_walk_school_id_school")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_walk")),
    )
    with op.batch_alter_table("walk", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_walk_school_id"), ["school_id"], unique=False)

    op.create_table(
        "classroom",
        sa.Column("teacher_id", sa.String(length=36), nullable=False),
        sa.Column("subject", sa.String(length=120), nullable=False),
        sa.Column("grade", sa.String(length=20), nullable=True),
        sa.Column("period", sa.String(length=20), nullable=True),
        sa.Column("room", sa.String(length=40), nullable=True),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("cols", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column(
            "visibility",
            sa.Enum(
                "private",
                "teacher",
                "team",
                name="visibility",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["teacher_id"], ["teacher.id"], name=op.f("fk_classroom_teacher_id_teacher")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_classroom")),
    )
    with op.batch_alter_table("classroom", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_classroom_teacher_id"), ["teacher_id"], unique=False)

    op.create_table(
        "coaching_cycle",
        sa.Column("teacher_id", sa.String(length=36), nullable=False),
        sa.Column("focus", sa.Text(), nullable=False),
        sa.Column("student_goal", sa.Text(), nullable=True),
        sa.Column(
            "measure_kind",
            sa.Enum(
                "lookfor_frequency",
                "distinct_voices",
                "contributions",
                name="measure_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=True,
        ),
        sa.Column("measure_lookfor_id", sa.String(length=36), nullable=True),
        sa.Column("baseline", sa.Double(), nullable=True),
        sa.Column("target", sa.Double(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "planned",
                "active",
                "completed",
                name="cycle_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("reflection", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column(
            "visibility",
            sa.Enum(
                "private",
                "teacher",
                "team",
                name="visibility",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["measure_lookfor_id"],
            ["lookfor.id"],
            name=op.f("fk_coaching_cycle_measure_lookfor_id_lookfor"),
        ),
        sa.ForeignKeyConstraint(
            ["teacher_id"], ["teacher.id"], name=op.f("fk_coaching_cycle_teacher_id_teacher")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coaching_cycle")),
    )
    with op.batch_alter_table("coaching_cycle", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_coaching_cycle_teacher_id"), ["teacher_id"], unique=False
        )

    op.create_table(
        "cycle_step",
        sa.Column("cycle_id", sa.String(length=36), nullable=False),
        sa.Column(
            "step_kind",
            sa.Enum(
                "model",
                "co_plan",
                "co_teach",
                "observe",
                "debrief",
                name="step_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "planned",
                "done",
                "skipped",
                name="step_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column(
            "visibility",
            sa.Enum(
                "private",
                "teacher",
                "team",
                name="visibility",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["cycle_id"], ["coaching_cycle.id"], name=op.f("fk_cycle_step_cycle_id_coaching_cycle")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cycle_step")),
    )
    with op.batch_alter_table("cycle_step", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cycle_step_cycle_id"), ["cycle_id"], unique=False)

    op.create_table(
        "seat",
        sa.Column("classroom_id", sa.String(length=36), nullable=False),
        sa.Column("label", sa.String(length=40), nullable=False),
        sa.Column("row", sa.Integer(), nullable=False),
        sa.Column("col", sa.Integer(), nullable=False),
        sa.Column("group_label", sa.String(length=60), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column(
            "visibility",
            sa.Enum(
                "private",
                "teacher",
                "team",
                name="visibility",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["classroom_id"], ["classroom.id"], name=op.f("fk_seat_classroom_id_classroom")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seat")),
    )
    with op.batch_alter_table("seat", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_seat_classroom_id"), ["classroom_id"], unique=False)

    op.create_table(
        "visit",
        sa.Column("classroom_id", sa.String(length=36), nullable=False),
        sa.Column("walk_id", sa.String(length=36), nullable=True),
        sa.Column("cycle_id", sa.String(length=36), nullable=True),
        sa.Column(
            "visit_type",
            sa.Enum(
                "learning_walk",
                "coaching_observation",
                "modeling",
                "co_teaching",
                "student_listening",
                name="visit_type",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("focus", sa.Text(), nullable=True),
        sa.Column("prompts", sa.JSON(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column(
            "visibility",
            sa.Enum(
                "private",
                "teacher",
                "team",
                name="visibility",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["classroom_id"], ["classroom.id"], name=op.f("fk_visit_classroom_id_classroom")
        ),
        sa.ForeignKeyConstraint(
            ["cycle_id"], ["coaching_cycle.id"], name=op.f("fk_visit_cycle_id_coaching_cycle")
        ),
        sa.ForeignKeyConstraint(["walk_id"], ["walk.id"], name=op.f("fk_visit_walk_id_walk")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit")),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visit_classroom_id"), ["classroom_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_cycle_id"), ["cycle_id"], unique=False)
        batch_op.create_index("ix_visit_started_at", ["started_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_walk_id"), ["walk_id"], unique=False)

    op.create_table(
        "coaching_log_entry",
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column(
            "activity",
            sa.Enum(
                "coaching_cycle",
                "learning_walk",
                "plc",
                "data_meeting",
                "other_duty",
                "admin",
                name="log_activity",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("visit_id", sa.String(length=36), nullable=True),
        sa.Column("cycle_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column(
            "visibility",
            sa.Enum(
                "private",
                "teacher",
                "team",
                name="visibility",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.CheckConstraint("minutes >= 0", name=op.f("ck_coaching_log_entry_minutes")),
        sa.ForeignKeyConstraint(
            ["cycle_id"],
            ["coaching_cycle.id"],
            name=op.f("fk_coaching_log_entry_cycle_id_coaching_cycle"),
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visit.id"], name=op.f("fk_coaching_log_entry_visit_id_visit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coaching_log_entry")),
    )
    with op.batch_alter_table("coaching_log_entry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_coaching_log_entry_cycle_id"), ["cycle_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_coaching_log_entry_occurred_on"), ["occurred_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_coaching_log_entry_visit_id"), ["visit_id"], unique=False
        )

    op.create_table(
        "evidence",
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("observed_at", sa.DateTime(), nullable=False),
        sa.Column(
            "evidence_kind",
            sa.Enum(
                "student_talk",
                "student_action",
                "teacher_move",
                "artifact",
                "note",
                name="evidence_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("prompt_index", sa.Integer(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column(
            "visibility",
            sa.Enum(
                "private",
                "teacher",
                "team",
                name="visibility",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visit.id"], name=op.f("fk_evidence_visit_id_visit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
    )
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.create_index(
            "ix_evidence_visit_observed", ["visit_id", "observed_at"], unique=False
        )

    op.create_table(
        "feedback",
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("glows", sa.JSON(), nullable=False),
        sa.Column("wondering", sa.Text(), nullable=True),
        sa.Column("reflection_prompt", sa.Text(), nullable=True),
        sa.Column("shared_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column(
            "visibility",
            sa.Enum(
                "private",
                "teacher",
                "team",
                name="visibility",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visit.id"], name=op.f("fk_feedback_visit_id_visit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback")),
    )
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feedback_visit_id"), ["visit_id"], unique=False)

    op.create_table(
        "participation_event",
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("seat_id", sa.String(length=36), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column(
            "participation_kind",
            sa.Enum(
                "volunteered",
                "called_on",
                "asked_question",
                "peer_talk",
                name="participation_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column(
            "visibility",
            sa.Enum(
                "private",
                "teacher",
                "team",
                name="visibility",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["seat_id"], ["seat.id"], name=op.f("fk_participation_event_seat_id_seat")
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visit.id"], name=op.f("fk_participation_event_visit_id_visit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participation_event")),
    )
    with op.batch_alter_table("participation_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_participation_event_seat_id"), ["seat_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_participation_event_visit_id"), ["visit_id"], unique=False
        )

    op.create_table(
        "evidence_lookfor",
        sa.Column("evidence_id", sa.String(length=36), nullable=False),
        sa.Column("lookfor_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["evidence_id"],
            ["evidence.id"],
            name=op.f("fk_evidence_lookfor_evidence_id_evidence"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["lookfor_id"], ["lookfor.id"], name=op.f("fk_evidence_lookfor_lookfor_id_lookfor")
        ),
        sa.PrimaryKeyConstraint("evidence_id", "lookfor_id", name=op.f("pk_evidence_lookfor")),
    )
    with op.batch_alter_table("evidence_lookfor", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evidence_lookfor_lookfor_id"), ["lookfor_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("evidence_lookfor", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_lookfor_lookfor_id"))

    op.drop_table("evidence_lookfor")
    with op.batch_alter_table("participation_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participation_event_visit_id"))
        batch_op.drop_index(batch_op.f("ix_participation_event_seat_id"))

    op.drop_table("participation_event")
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feedback_visit_id"))

    op.drop_table("feedback")
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_index("ix_evidence_visit_observed")

    op.drop_table("evidence")
    with op.batch_alter_table("coaching_log_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coaching_log_entry_visit_id"))
        batch_op.drop_index(batch_op.f("ix_coaching_log_entry_occurred_on"))
        batch_op.drop_index(batch_op.f("ix_coaching_log_entry_cycle_id"))

    op.drop_table("coaching_log_entry")
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_walk_id"))
        batch_op.drop_index("ix_visit_started_at")
        batch_op.drop_index(batch_op.f("ix_visit_cycle_id"))
        batch_op.drop_index(batch_op.f("ix_visit_classroom_id"))

    op.drop_table("visit")
    with op.batch_alter_table("seat", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_seat_classroom_id"))

    op.drop_table("seat")
    with op.batch_alter_table("cycle_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cycle_step_cycle_id"))

    op.drop_table("cycle_step")
    with op.batch_alter_table("coaching_cycle", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coaching_cycle_teacher_id"))

    op.drop_table("coaching_cycle")
    with op.batch_alter_table("classroom", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_classroom_teacher_id"))

    op.drop_table("classroom")
    with op.batch_alter_table("walk", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_walk_school_id"))

    op.drop_table("walk")
    with op.batch_alter_table("teacher", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_teacher_school_id"))

    op.drop_table("teacher")
    with op.batch_alter_table("lookfor", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lookfor_set_id"))

    op.drop_table("lookfor")
    op.drop_table("school")
    op.drop_table("profile_setting")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_record_id"))

    op.drop_table("outbox")
    op.drop_table("lookfor_set")
